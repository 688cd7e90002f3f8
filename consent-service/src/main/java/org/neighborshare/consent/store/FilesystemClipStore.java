package org.neighborshare.consent.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Clips as files in one directory ({@code consent.clips.directory}). An upload goes to a temporary file in the
 * same directory, hashed as it is written in 64 KiB chunks, flushed to disk, then atomically renamed to its key:
 * a reader never sees a partial clip, and a failed upload leaves nothing. One replica only: the folder is local.
 */
public class FilesystemClipStore implements ClipStore {

    static final String TEMP_PREFIX = "upload-";
    static final String TEMP_SUFFIX = ".part";
    static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int CHUNK = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(FilesystemClipStore.class);

    private final Path directory;
    private final Clock clock;

    public FilesystemClipStore(Path directory, Clock clock) {
        this.directory = directory.toAbsolutePath();
        this.clock = clock;
    }

    Path directory() {
        return directory;
    }

    @Override
    public StoredClip write(InputStream in, long maxBytes) throws IOException {
        Path dir = Files.createDirectories(directory());
        String key = UUID.randomUUID().toString();
        Path temp = dir.resolve(TEMP_PREFIX + key + TEMP_SUFFIX);
        boolean kept = false;
        try {
            MessageDigest sha = Sha256.newDigest();
            long size = 0;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] chunk = new byte[CHUNK];
                ByteBuffer buffer = ByteBuffer.wrap(chunk);
                int n;
                while ((n = in.read(chunk)) != -1) {
                    size += n;
                    if (size > maxBytes) {
                        throw new ClipTooLargeException(maxBytes);
                    }
                    sha.update(chunk, 0, n);
                    buffer.clear().limit(n);
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                }
                out.force(true);
            }
            Files.move(temp, dir.resolve(key), StandardCopyOption.ATOMIC_MOVE);
            kept = true;
            return new StoredClip(key, size, HexFormat.of().formatHex(sha.digest()));
        } finally {
            if (!kept) {
                deleteQuietly(temp);
            }
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    private Path path(String key) {
        return directory().resolve(checkedKey(key));
    }

    /** Temporary files a crash left behind (older than a day, so no upload in progress is touched). */
    void removeAbandonedUploads() {
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            return;
        }
        FileTime before = FileTime.from(clock.instant().minus(Duration.ofDays(1)));
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                if (Files.getLastModifiedTime(temp).compareTo(before) < 0) {
                    deleteQuietly(temp);
                }
            }
        } catch (IOException e) {
            LOG.warnf("could not clean abandoned uploads in %s: %s", dir, e.getMessage());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.errorf("could not delete %s: %s", p, e.getMessage());
        }
    }

    /** A key this store handed out, never a path: anything else is refused before it touches storage. */
    static String checkedKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a clip key: " + key);
        }
        return key;
    }
}
