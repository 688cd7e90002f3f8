package org.neighborshare.shared.audit.service;

import io.quarkus.arc.properties.UnlessBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.neighborshare.shared.audit.store.AuditStore;

/**
 * What the public may read of this service's log: checkpoints, entries, proofs, and the log as tlog-tiles. Reads
 * only, each on its own connection (every row it reads is immutable once committed).
 */
@ApplicationScoped
@UnlessBuildProperty(name = "neighbors.audit.log", stringValue = "none", enableIfMissing = false)
public class PublicLogs {

    /** tlog-tiles: 256 hashes (or entries) a full tile, tiles of height 8. */
    public static final int TILE_WIDTH = 256;

    public static final int TILE_HEIGHT = 8;

    private final DataSource dataSource;
    private final AuditStore store = new AuditStore();

    PublicLogs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public interface Read<T> {
        T apply(Connection c, AuditStore store) throws SQLException;
    }

    /** Runs one read on a connection of its own. */
    public <T> T read(Read<T> read) {
        try (Connection c = dataSource.getConnection()) {
            return read.apply(c, store);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }

    public Optional<AuditStore.StoredCheckpoint> latestCheckpoint() {
        return read((c, s) -> s.latestCheckpoint(c));
    }

    public long treeSize() {
        return read((c, s) -> s.size(c));
    }

    public OptionalLong indexOf(byte[] leafHash) {
        return read((c, s) -> s.indexOf(c, leafHash));
    }

    /**
     * The hash tile {@code index} of tile level {@code level}, {@code width} hashes wide (256 for a full tile), if
     * the tree holds all of them: the hashes at tree height {@code 8 * level}, concatenated.
     */
    public Optional<byte[]> hashTile(int level, long index, int width) {
        int height = level * TILE_HEIGHT;
        if (height > 62 || !fits(index, height)) {
            return Optional.empty();
        }
        return read((c, s) -> {
            if (((index * TILE_WIDTH + width) << height) > s.size(c)) {
                return Optional.empty();
            }
            List<byte[]> hashes = s.levelHashes(c, height, index * TILE_WIDTH, width);
            if (hashes.size() != width) {
                return Optional.empty();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(width * 32);
            hashes.forEach(out::writeBytes);
            return Optional.of(out.toByteArray());
        });
    }

    /** The entry bundle {@code index}, {@code width} entries, each as a big-endian uint16 length and its bytes. */
    public Optional<byte[]> entryBundle(long index, int width) {
        if (!fits(index, 0)) {
            return Optional.empty();
        }
        return read((c, s) -> {
            List<AuditStore.StoredEntry> entries = s.entries(c, index * TILE_WIDTH, width);
            if (entries.size() != width) {
                return Optional.empty();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (AuditStore.StoredEntry e : entries) {
                out.write(e.entry().length >>> 8);
                out.write(e.entry().length & 0xff);
                out.writeBytes(e.entry());
            }
            return Optional.of(out.toByteArray());
        });
    }

    /** Whether every leaf under tile {@code index} at tree height {@code height} has an index that fits a long. */
    private static boolean fits(long index, int height) {
        return index <= (Long.MAX_VALUE >>> height) / TILE_WIDTH - 1;
    }
}
