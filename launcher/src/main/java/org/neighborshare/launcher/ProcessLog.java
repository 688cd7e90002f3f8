package org.neighborshare.launcher;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Where one part's output lines go: the console with a fixed-width prefix, a log file, and a short
 * in-memory tail that start-up errors quote.
 */
final class ProcessLog implements AutoCloseable {

    static final int TAIL_LINES = 40;
    /** Width of the name in the prefix: {@code [keycloak] }. */
    static final int NAME_WIDTH = 8;

    private static final String[] COLORS = {"36", "32", "33", "35", "34", "96", "92"};
    private static final String RESET = "\u001b[0m";

    private final String logName;
    private final String prefix;
    private final PrintStream console;
    private final Path file;
    private final Deque<String> tail = new ArrayDeque<>();
    private BufferedWriter writer;
    private boolean fileBroken;

    /**
     * @param console where prefixed lines are printed, or {@code null} for none
     * @param file    the file lines are appended to, or {@code null} for none
     * @param color   ANSI color index for the prefix, or -1 for none
     */
    ProcessLog(String logName, PrintStream console, Path file, int color) {
        this.logName = logName;
        String p = prefix(logName);
        this.prefix = color < 0 ? p : "\u001b[" + COLORS[color % COLORS.length] + "m" + p.stripTrailing() + RESET + " ";
        this.console = console;
        this.file = file;
    }

    void line(String line) {
        String clean = stripAnsi(line);
        synchronized (this) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(clean);
            writeFile(clean);
        }
        if (console != null) {
            console.println(prefix + line);
        }
    }

    /** The last lines seen, without colors, for error messages. */
    synchronized List<String> tail() {
        return new ArrayList<>(tail);
    }

    /** The tail formatted for an exception message. */
    String tailForMessage() {
        List<String> lines = tail();
        if (lines.isEmpty()) {
            return "(no output)";
        }
        StringBuilder sb = new StringBuilder("last output of " + logName + ":");
        for (String l : lines) {
            sb.append("\n    ").append(l);
        }
        if (file != null) {
            sb.append("\n  full log: ").append(file);
        }
        return sb.toString();
    }

    private void writeFile(String line) {
        if (file == null || fileBroken) {
            return;
        }
        try {
            if (writer == null) {
                Files.createDirectories(file.getParent());
                writer = Files.newBufferedWriter(
                        file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            writer.write(line);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            fileBroken = true;
            System.err.println(prefix(ProcessLogs.LAUNCHER) + "cannot write " + file + ": " + e);
        }
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
            writer = null;
        }
    }

    /** {@code [agency  ] }: fixed width so the log columns line up. */
    static String prefix(String logName) {
        StringBuilder sb = new StringBuilder("[").append(logName);
        while (sb.length() < NAME_WIDTH + 1) {
            sb.append(' ');
        }
        return sb.append("] ").toString();
    }

    static String stripAnsi(String s) {
        return s.indexOf('\u001b') < 0 ? s : s.replaceAll("\u001b\\[[0-9;?]*[ -/]*[@-~]", "");
    }
}
