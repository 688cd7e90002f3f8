package org.neighborshare.shared.audit.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.neighborshare.shared.audit.MerkleTree;
import org.neighborshare.shared.audit.SubtreeHashes;

/**
 * The audit log in PostgreSQL (tables of {@link AuditSchema}), in plain JDBC on the caller's connection and
 * transaction, so that a service (through {@link PostgresAuditLog}) and the benchmark run the same code.
 *
 * <p>Appends are serialised by a transaction-scoped advisory lock, held until the caller commits or rolls back:
 * the next index is read under the lock, so entries are numbered from 0 without gaps whatever the number of
 * concurrent callers and replicas. Each append also writes the hash of every complete subtree its leaf completes,
 * so any root or proof is a single query for O(log n) stored hashes.
 */
public final class AuditStore {

    /** The advisory lock of appenders ("NSAUDIT" 1). */
    static final long APPEND_LOCK = 0x4e53_4155_4449_5401L;
    /** The advisory lock of the checkpoint publisher, one replica at a time ("NSAUDIT" 2). */
    static final long PUBLISH_LOCK = 0x4e53_4155_4449_5402L;

    /** The largest entry: tlog-tiles entry bundles prefix each entry with a 2-byte length. */
    public static final int MAX_ENTRY_BYTES = 65_535;

    public record Appended(long index, byte[] leafHash) {}

    public record StoredEntry(long index, byte[] leafHash, byte[] entry, Instant appendedAt) {}

    public record StoredCheckpoint(long size, byte[] rootHash, byte[] note, Instant publishedAt) {}

    /** A complete subtree: {@code MTH(D[index * 2^level, (index + 1) * 2^level))}. */
    private record Node(int level, long index) {}

    /**
     * The complete subtrees of [0, size) this store last computed, largest first, and the leaf hash of entry
     * size - 1: what the next append needs, so it need not read them back. Trusted only while the log's last
     * entry is still that one (another replica, or a rollback of this one's append, changes it); guarded by the
     * append lock, and by this object for the threads of this process.
     */
    private long frontierSize = -1;

    private byte[] frontierLastLeaf;
    private List<byte[]> frontier = List.of();

    /** Appends one entry in the connection's transaction; the caller commits. */
    public Appended append(Connection c, byte[] entry) throws SQLException {
        if (entry.length == 0 || entry.length > MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("an entry has 1 to " + MAX_ENTRY_BYTES + " bytes, not " + entry.length);
        }
        byte[] leaf = MerkleTree.leafHash(entry);
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, APPEND_LOCK);
            lock.execute();
        }
        // A statement of its own, after the lock: its snapshot sees every append committed before this one.
        long index;
        byte[] lastLeaf;
        try (PreparedStatement ps =
                        c.prepareStatement("select idx, leaf_hash from audit.entries order by idx desc limit 1");
                ResultSet rs = ps.executeQuery()) {
            index = rs.next() ? rs.getLong(1) + 1 : 0;
            lastLeaf = index == 0 ? null : rs.getBytes(2);
        }
        synchronized (this) {
            List<byte[]> pieces = frontierSize == index && java.util.Arrays.equals(frontierLastLeaf, lastLeaf)
                    ? frontier
                    : readFrontier(c, index);
            // The pieces of [0, index) are one per 1 bit of index, largest first; the leaf completes the subtrees
            // of its trailing 1 bits, smallest first, each the node of the last piece and the hash so far.
            List<byte[]> next = new ArrayList<>(pieces);
            List<byte[]> hashes = new ArrayList<>();
            byte[] hash = leaf;
            for (int level = 0; ((index >>> level) & 1) == 1; level++) {
                hash = MerkleTree.nodeHash(next.remove(next.size() - 1), hash);
                hashes.add(hash);
            }
            next.add(hash);
            insert(c, index, entry, leaf, hashes);
            frontier = List.copyOf(next);
            frontierSize = index + 1;
            frontierLastLeaf = leaf;
        }
        return new Appended(index, leaf);
    }

    /** The entry and the subtrees it completes (height 1, 2, ... in order), in one statement. */
    private static void insert(Connection c, long index, byte[] entry, byte[] leaf, List<byte[]> nodes)
            throws SQLException {
        Object[] levels = new Object[nodes.size()];
        Object[] indices = new Object[nodes.size()];
        java.io.ByteArrayOutputStream concatenated = new java.io.ByteArrayOutputStream(nodes.size() * 32);
        for (int i = 0; i < nodes.size(); i++) {
            levels[i] = i + 1;
            indices[i] = index >>> (i + 1);
            concatenated.writeBytes(nodes.get(i));
        }
        try (PreparedStatement ps = c.prepareStatement("with e as (insert into audit.entries (idx, entry, leaf_hash)"
                + " values (?, ?, ?)) insert into audit.nodes (level, idx, hash)"
                + " select w.level, w.idx, substring(?::bytea from (w.n::int - 1) * 32 + 1 for 32)"
                + " from unnest(?::int[], ?::bigint[]) with ordinality as w(level, idx, n)")) {
            ps.setLong(1, index);
            ps.setBytes(2, entry);
            ps.setBytes(3, leaf);
            ps.setBytes(4, concatenated.toByteArray());
            ps.setArray(5, c.createArrayOf("integer", levels));
            ps.setArray(6, c.createArrayOf("bigint", indices));
            ps.executeUpdate();
        }
    }

    /** The complete subtrees of [0, size), largest first, from the store. */
    private static List<byte[]> readFrontier(Connection c, long size) throws SQLException {
        if (size == 0) {
            return List.of();
        }
        List<Node> parts = pieces(0, size);
        Map<Node, byte[]> known = fetch(c, parts);
        List<byte[]> out = new ArrayList<>();
        for (Node n : parts) {
            out.add(require(known, n));
        }
        return out;
    }

    /** The number of entries (committed, or appended in this transaction). */
    public long size(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select idx from audit.entries order by idx desc limit 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) + 1 : 0;
        }
    }

    public Optional<StoredEntry> entry(Connection c, long index) throws SQLException {
        List<StoredEntry> one = entries(c, index, 1);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    /** Entries {@code start} to {@code start + limit - 1}, those that exist, in order. */
    public List<StoredEntry> entries(Connection c, long start, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select idx, leaf_hash, entry, appended_at from audit.entries where idx >= ? and idx < ? order by idx")) {
            ps.setLong(1, start);
            ps.setLong(2, start + limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<StoredEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new StoredEntry(
                            rs.getLong(1),
                            rs.getBytes(2),
                            rs.getBytes(3),
                            rs.getTimestamp(4).toInstant()));
                }
                return out;
            }
        }
    }

    /** The first index whose leaf hash this is, if any. */
    public OptionalLong indexOf(Connection c, byte[] leafHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select min(idx) from audit.entries where leaf_hash = ?")) {
            ps.setBytes(1, leafHash);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long index = rs.getLong(1);
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(index);
            }
        }
    }

    /** The leaf hashes (level 0) or subtree hashes at tree height {@code level}, of indices [from, from + count). */
    public List<byte[]> levelHashes(Connection c, int level, long from, int count) throws SQLException {
        String sql = level == 0
                ? "select leaf_hash from audit.entries where idx >= ? and idx < ? order by idx"
                : "select hash from audit.nodes where level = " + level + " and idx >= ? and idx < ? order by idx";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, from);
            ps.setLong(2, from + count);
            try (ResultSet rs = ps.executeQuery()) {
                List<byte[]> out = new ArrayList<>(count);
                while (rs.next()) {
                    out.add(rs.getBytes(1));
                }
                return out;
            }
        }
    }

    /** {@code MTH(D[0:size])}; {@code size} at most {@link #size}. */
    public byte[] root(Connection c, long size) throws SQLException {
        return withStoredHashes(c, hashes -> MerkleTree.root(size, hashes));
    }

    public List<byte[]> inclusionProof(Connection c, long index, long size) throws SQLException {
        return withStoredHashes(c, hashes -> MerkleTree.inclusionProof(index, size, hashes));
    }

    public List<byte[]> consistencyProof(Connection c, long size1, long size2) throws SQLException {
        return withStoredHashes(c, hashes -> MerkleTree.consistencyProof(size1, size2, hashes));
    }

    /**
     * Runs a tree computation twice: first with placeholder hashes, to learn which ranges it reads (they depend
     * on the sizes and indices only), then with those ranges' complete subtrees fetched in one query.
     */
    private <T> T withStoredHashes(Connection c, Function<SubtreeHashes, T> computation) throws SQLException {
        Set<Node> wanted = new LinkedHashSet<>();
        T unused = computation.apply((start, end) -> {
            wanted.addAll(pieces(start, end));
            return new byte[MerkleTree.HASH_SIZE];
        });
        Map<Node, byte[]> known = wanted.isEmpty() ? Map.of() : fetch(c, wanted);
        return computation.apply((start, end) -> {
            // The right edge of a range is the node hash of its complete pieces, folded from the right.
            List<Node> parts = pieces(start, end);
            byte[] hash = require(known, parts.get(parts.size() - 1));
            for (int i = parts.size() - 2; i >= 0; i--) {
                hash = MerkleTree.nodeHash(require(known, parts.get(i)), hash);
            }
            return hash;
        });
    }

    /** [start, end) as complete subtrees, largest first (start is aligned to a power of two >= end - start). */
    private static List<Node> pieces(long start, long end) {
        List<Node> parts = new ArrayList<>();
        long at = start;
        while (at < end) {
            long width = Long.highestOneBit(end - at);
            int level = Long.numberOfTrailingZeros(width);
            parts.add(new Node(level, at >>> level));
            at += width;
        }
        return parts;
    }

    private static Map<Node, byte[]> fetch(Connection c, java.util.Collection<Node> nodes) throws SQLException {
        List<Long> leaves = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        List<Long> indices = new ArrayList<>();
        for (Node n : nodes) {
            if (n.level() == 0) {
                leaves.add(n.index());
            } else {
                levels.add(n.level());
                indices.add(n.index());
            }
        }
        Map<Node, byte[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select 0, idx, leaf_hash from audit.entries where idx = any(?)"
                + " union all select n.level, n.idx, n.hash from audit.nodes n"
                + " join unnest(?::int[], ?::bigint[]) as w(level, idx) on n.level = w.level and n.idx = w.idx")) {
            Array leafArray = c.createArrayOf("bigint", leaves.toArray());
            Array levelArray = c.createArrayOf("integer", levels.toArray());
            Array indexArray = c.createArrayOf("bigint", indices.toArray());
            ps.setArray(1, leafArray);
            ps.setArray(2, levelArray);
            ps.setArray(3, indexArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(new Node(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                }
            }
        }
        return out;
    }

    private static byte[] require(Map<Node, byte[]> known, Node node) {
        byte[] hash = known.get(node);
        if (hash == null) {
            throw new IllegalStateException(
                    "the audit log has no hash of subtree " + node.index() + " at height " + node.level());
        }
        return hash;
    }

    // ---- checkpoints ------------------------------------------------------------------------------------

    public Optional<StoredCheckpoint> latestCheckpoint(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                        "select size, root_hash, note, published_at from audit.checkpoints order by size desc limit 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next()
                    ? Optional.of(new StoredCheckpoint(
                            rs.getLong(1),
                            rs.getBytes(2),
                            rs.getBytes(3),
                            rs.getTimestamp(4).toInstant()))
                    : Optional.empty();
        }
    }

    /**
     * Takes the publisher's lock for this transaction if no other replica holds it; {@code false} means another
     * replica is publishing now.
     */
    public boolean tryPublisherLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, PUBLISH_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Stores a signed checkpoint, published now (the database's time: a fact about the real clock). */
    public void saveCheckpoint(Connection c, long size, byte[] rootHash, byte[] note) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("insert into audit.checkpoints (size, root_hash, note) values (?, ?, ?)")) {
            ps.setLong(1, size);
            ps.setBytes(2, rootHash);
            ps.setBytes(3, note);
            ps.executeUpdate();
        }
    }
}
