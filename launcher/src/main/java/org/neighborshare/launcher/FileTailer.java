package org.neighborshare.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Follows a file that another process appends to (PostgreSQL's output, which the server writes itself)
 * and hands each new complete line to a consumer.
 */
final class FileTailer implements AutoCloseable {

    private final Path file;
    private final Consumer<String> sink;
    private final Thread thread;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private long position;
    private volatile boolean running = true;

    FileTailer(Path file, Consumer<String> sink, String threadName) throws IOException {
        this.file = file;
        this.sink = sink;
        this.position = Files.exists(file) ? Files.size(file) : 0;
        this.thread = new Thread(this::loop, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        while (running) {
            readNew();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void readNew() {
        if (!Files.exists(file)) {
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length < position) { // truncated or replaced
                position = 0;
                partial.reset();
            }
            if (length == position) {
                return;
            }
            raf.seek(position);
            byte[] buf = new byte[8192];
            int n;
            while ((n = raf.read(buf)) > 0) {
                position += n;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        emit();
                    } else {
                        partial.write(buf[i]);
                    }
                }
            }
        } catch (IOException e) {
            // try again on the next round
        }
    }

    private void emit() {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        sink.accept(line);
    }

    /** Reads what is left, then stops following. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readNew();
        synchronized (this) {
            if (partial.size() > 0) {
                emit();
            }
        }
    }
}
