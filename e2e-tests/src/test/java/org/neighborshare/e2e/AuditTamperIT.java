package org.neighborshare.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.shared.audit.AuditEventType;
import org.neighborshare.shared.audit.AuditEventType.LogName;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.audit.Checkpoint;
import org.neighborshare.shared.audit.store.AuditStore;
import org.neighborshare.shared.audit.store.SigningKeys;

/**
 * A malicious operator with the database superuser, and the verifier as the judge (issue "accountability", tests):
 * each test tampers with a log the way such an operator would (the append-only trigger disabled explicitly, the
 * publisher held off with its own advisory lock), runs the verifier, and puts the log back exactly as it was, so
 * the other end-to-end tests find an honest log.
 */
@ExtendWith(RunningSuite.class)
class AuditTamperIT {

    /** AuditStore's appender lock ("NSAUDIT" 1): held while a log is put back, so no append slips in between. */
    static final long APPEND_LOCK = 0x4e53_4155_4449_5401L;

    static final String DOMAIN = "neighborshare.example";

    final AuditStore store = new AuditStore();
    Path state;

    @BeforeEach
    void honestToStartWith() throws Exception {
        state = Files.createTempFile("verifier-state", ".json");
        Files.delete(state);
        // The agency log has a few entries at least: the demo agency's, and an agency vetted here if need be.
        if (PublicLog.size("agency") < 6) {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            String chief = "chief.tamper-" + tag;
            org.neighborshare.e2e.owasp.KeycloakUsers.ensure(chief, "chief@tamper-" + tag + ".example", true);
            org.neighborshare.e2e.owasp.Enrolment.approvedAgency(
                    chief, "Tamper Test Police " + tag, "POLICE", "tamper-" + tag + ".example", Agencies.SPRINGFIELD);
        }
        awaitPublished("agency");
        PublicLog.Run baseline = PublicLog.verify(state);
        assertEquals(0, baseline.status(), baseline.output());
    }

    @Test
    void oneChangedByteInOneEntryIsNamedByItsIndex() throws Exception {
        try (Connection db = superuser("agency");
                Connection publisher = holdPublisher("agency")) {
            long index = size(db) - 2;
            byte[] original = entry(db, index);
            String text = new String(original, StandardCharsets.UTF_8);
            int at = text.indexOf("\"agency\":\"") + 10;
            char c = text.charAt(at);
            byte[] changed = original.clone();
            changed[at] = (byte) (c == 'a' ? 'b' : 'a');
            try {
                setEntry(db, index, changed);
                PublicLog.Run run = PublicLog.verify(state);
                assertEquals(1, run.status(), run.output());
                assertTrue(run.output().contains("FAILED agency log, entry " + index + ": LEAF_HASH"), run.output());
            } finally {
                setEntry(db, index, original);
            }
        }
        assertPassesAgain();
    }

    @Test
    void deletedLastEntriesFailTheConsistencyProofAgainstTheSavedCheckpoint() throws Exception {
        try (Connection db = superuser("agency");
                Connection publisher = holdPublisher("agency")) {
            long size = size(db);
            long cut = size - 2;
            Saved saved = save(db, cut);
            try {
                // The operator removes the last two entries, appends three of its own and signs the new history
                // with the log's key: a larger tree, so only the proof against the saved checkpoint can tell.
                removeFrom(db, cut);
                db.setAutoCommit(false);
                for (int i = 0; i < 3; i++) {
                    store.append(
                            db,
                            AuditFact.of(AuditEventType.AGENCY_CHECKED, Instant.now())
                                    .with("agency", DemoData.RIVERTON)
                                    .with("item", "JURISDICTION")
                                    .with("reviewer", "forged")
                                    .toEntry());
                }
                long forged = store.size(db);
                String origin = LogName.AGENCY.origin(DOMAIN);
                byte[] root = store.root(db, forged);
                store.saveCheckpoint(
                        db,
                        forged,
                        root,
                        Checkpoint.of(origin, forged, root)
                                .sign(SigningKeys.signer(origin, SigningKeys.localDemoKey("agency"))));
                db.commit();
                db.setAutoCommit(true);
                PublicLog.Run run = PublicLog.verify(state);
                assertEquals(1, run.status(), run.output());
                assertTrue(run.output().contains("FAILED agency log: CONSISTENCY"), run.output());
            } finally {
                if (!db.getAutoCommit()) {
                    db.rollback();
                    db.setAutoCommit(true);
                }
                removeFrom(db, cut);
                restore(db, saved);
            }
        }
        assertPassesAgain();
    }

    @Test
    void twoSwappedEntriesAreDetected() throws Exception {
        try (Connection db = superuser("agency");
                Connection publisher = holdPublisher("agency")) {
            long size = size(db);
            long i = size - 3;
            long j = size - 2;
            byte[] a = entry(db, i);
            byte[] b = entry(db, j);
            try {
                setEntryAndLeaf(db, i, b, leaf(db, j), a, leaf(db, i), j);
                PublicLog.Run run = PublicLog.verify(state);
                assertEquals(1, run.status(), run.output());
                assertTrue(run.output().contains("FAILED agency log: ROOT"), run.output());
            } finally {
                setEntryAndLeaf(
                        db,
                        i,
                        a,
                        org.neighborshare.shared.audit.MerkleTree.leafHash(a),
                        b,
                        org.neighborshare.shared.audit.MerkleTree.leafHash(b),
                        j);
            }
        }
        assertPassesAgain();
    }

    @Test
    void aCheckpointForASmallerTreeAfterALargerOneIsAFork() throws Exception {
        try (Connection db = superuser("agency");
                Connection publisher = holdPublisher("agency")) {
            long size = size(db);
            long smaller = size - 1;
            List<Object[]> later = rows(
                    db,
                    "select size, root_hash, note, published_at from audit.checkpoints" + " where size > " + smaller);
            boolean existed = !rows(db, "select size from audit.checkpoints where size = " + smaller)
                    .isEmpty();
            try {
                withTriggersOff(db, () -> exec(db, "delete from audit.checkpoints where size > " + smaller));
                if (!existed) {
                    String origin = LogName.AGENCY.origin(DOMAIN);
                    byte[] root = store.root(db, smaller);
                    store.saveCheckpoint(
                            db,
                            smaller,
                            root,
                            Checkpoint.of(origin, smaller, root)
                                    .sign(SigningKeys.signer(origin, SigningKeys.localDemoKey("agency"))));
                }
                PublicLog.Run run = PublicLog.verify(state);
                assertEquals(1, run.status(), run.output());
                assertTrue(run.output().contains("FAILED agency log: FORK"), run.output());
                assertTrue(
                        run.output().contains("for a tree of " + smaller + " entries after one of " + size),
                        run.output());
            } finally {
                withTriggersOff(db, () -> {
                    if (!existed) {
                        exec(db, "delete from audit.checkpoints where size = " + smaller);
                    }
                    insertRows(
                            db,
                            "insert into audit.checkpoints (size, root_hash, note, published_at) values (?, ?, ?, ?)"
                                    + " on conflict do nothing",
                            later);
                });
            }
        }
        assertPassesAgain();
    }

    @Test
    void aDownloadWithoutAShareForcedIntoTheLogIsCountedAndNamed() throws Exception {
        long index;
        try (Connection db = superuser("consent")) {
            db.setAutoCommit(false);
            index = store.append(
                            db,
                            AuditFact.of(AuditEventType.CLIP_DOWNLOADED, Instant.now())
                                    .with("share", UUID.randomUUID().toString())
                                    .with("request", UUID.randomUUID().toString())
                                    .with("agency", DemoData.RIVERTON)
                                    .with("clip", "ab".repeat(32))
                                    .with("downloader", "cd".repeat(32))
                                    .with("owner", "ef".repeat(32))
                                    .toEntry())
                    .index();
            db.commit();
        }
        try {
            awaitPublished("consent");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            long unbacked = -1;
            while (Instant.now().isBefore(deadline) && unbacked != 1) {
                Object value = Gateway.anonymous()
                        .get("/api/public/transparency")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("downloadsNotBackedByAValidShare");
                unbacked = value == null ? -1 : ((Number) value).longValue();
                Thread.sleep(500);
            }
            assertEquals(1, unbacked, "downloads not backed by a valid share");
            PublicLog.Run run = PublicLog.verify(state);
            assertEquals(1, run.status(), run.output());
            assertTrue(
                    run.output().contains("FAILED consent log, entry " + index + ": DOWNLOAD_HAS_A_SHARE"),
                    run.output());
            assertTrue(run.output().contains("1 not backed by a valid share"), run.output());
        } finally {
            // Put the consent log back as it was, with no append and no publication in between.
            try (Connection db = superuser("consent");
                    Connection publisher = holdPublisher("consent")) {
                db.setAutoCommit(false);
                exec(db, "select pg_advisory_xact_lock(" + APPEND_LOCK + ")");
                assertEquals(index + 1, store.size(db), "nothing was appended after the forced entry");
                withTriggersOff(db, () -> deleteFrom(db, index));
                db.commit();
            }
        }
        Files.deleteIfExists(state);
        assertPassesAgain();
        // The report's reading of the logs may be up to a second old (request-service CheckedLogs).
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        long after;
        do {
            Thread.sleep(200);
            after = ((Number) Gateway.anonymous()
                            .get("/api/public/transparency")
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("downloadsNotBackedByAValidShare"))
                    .longValue();
        } while (after != 0 && Instant.now().isBefore(until));
        assertEquals(0L, after);
    }

    // ---- the operator's tools ----------------------------------------------------------------------------

    void assertPassesAgain() {
        PublicLog.Run run = PublicLog.verify(state);
        assertEquals(0, run.status(), "the log was put back, the verifier passes again:\n" + run.output());
    }

    static Connection superuser(String db) throws SQLException {
        return DriverManager.getConnection(RunningSuite.config().jdbcUrl(db), "postgres", "postgres");
    }

    /** Holds the publisher's advisory lock in an open transaction, so no checkpoint is published meanwhile. */
    Connection holdPublisher(String db) throws Exception {
        Connection c = superuser(db);
        c.setAutoCommit(false);
        Instant deadline = Instant.now().plusSeconds(10);
        while (!store.tryPublisherLock(c)) {
            if (Instant.now().isAfter(deadline)) {
                fail("the publisher lock of " + db + " stays taken");
            }
            c.rollback();
            Thread.sleep(100);
        }
        return c;
    }

    /** Waits until the log's latest checkpoint covers every entry (the publisher runs every few seconds). */
    void awaitPublished(String log) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        try (Connection db = superuser(log)) {
            while (PublicLog.size(log) < size(db)) {
                if (Instant.now().isAfter(deadline)) {
                    fail("no checkpoint of the whole " + log + " log within 15 s");
                }
                Thread.sleep(250);
            }
        }
    }

    long size(Connection db) throws SQLException {
        return store.size(db);
    }

    static byte[] entry(Connection db, long index) throws SQLException {
        return (byte[])
                rows(db, "select entry from audit.entries where idx = " + index).get(0)[0];
    }

    static byte[] leaf(Connection db, long index) throws SQLException {
        return (byte[]) rows(db, "select leaf_hash from audit.entries where idx = " + index)
                .get(0)[0];
    }

    /** Changes an entry's bytes but not its leaf hash, as a careless operator would. */
    static void setEntry(Connection db, long index, byte[] entry) throws SQLException {
        withTriggersOff(db, () -> {
            try (PreparedStatement ps = db.prepareStatement("update audit.entries set entry = ? where idx = ?")) {
                ps.setBytes(1, entry);
                ps.setLong(2, index);
                assertEquals(1, ps.executeUpdate());
            }
        });
    }

    /** Puts entry {@code a} with its leaf at index i and entry {@code b} with its leaf at index j, in one go. */
    static void setEntryAndLeaf(Connection db, long i, byte[] a, byte[] leafA, byte[] b, byte[] leafB, long j)
            throws SQLException {
        withTriggersOff(db, () -> {
            try (PreparedStatement ps =
                    db.prepareStatement("update audit.entries set entry = ?, leaf_hash = ? where idx = ?")) {
                ps.setBytes(1, a);
                ps.setBytes(2, leafA);
                ps.setLong(3, i);
                assertEquals(1, ps.executeUpdate());
                ps.setBytes(1, b);
                ps.setBytes(2, leafB);
                ps.setLong(3, j);
                assertEquals(1, ps.executeUpdate());
            }
        });
    }

    /** What removing entries from {@code cut} on takes: those entries, the nodes over them, later checkpoints. */
    record Saved(List<Object[]> entries, List<Object[]> nodes, List<Object[]> checkpoints) {}

    static Saved save(Connection db, long cut) throws SQLException {
        return new Saved(
                rows(db, "select idx, entry, leaf_hash, appended_at from audit.entries where idx >= " + cut),
                rows(db, "select level, idx, hash from audit.nodes where (idx + 1) * (1::bigint << level) > " + cut),
                rows(db, "select size, root_hash, note, published_at from audit.checkpoints where size > " + cut));
    }

    static void removeFrom(Connection db, long cut) throws SQLException {
        withTriggersOff(db, () -> deleteFrom(db, cut));
    }

    static void deleteFrom(Connection db, long cut) throws SQLException {
        exec(db, "delete from audit.entries where idx >= " + cut);
        exec(db, "delete from audit.nodes where (idx + 1) * (1::bigint << level) > " + cut);
        exec(db, "delete from audit.checkpoints where size > " + cut);
    }

    static void restore(Connection db, Saved saved) throws SQLException {
        withTriggersOff(db, () -> {
            insertRows(
                    db,
                    "insert into audit.entries (idx, entry, leaf_hash, appended_at) values (?, ?, ?, ?)",
                    saved.entries());
            insertRows(db, "insert into audit.nodes (level, idx, hash) values (?, ?, ?)", saved.nodes());
            insertRows(
                    db,
                    "insert into audit.checkpoints (size, root_hash, note, published_at) values (?, ?, ?, ?)",
                    saved.checkpoints());
        });
    }

    interface Work {
        void run() throws SQLException;
    }

    /** As a malicious superuser would: the append-only triggers off, explicitly, for this change only. */
    static void withTriggersOff(Connection db, Work work) throws SQLException {
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            for (String table : List.of("entries", "nodes", "checkpoints")) {
                exec(db, "alter table audit." + table + " disable trigger user");
            }
            work.run();
            for (String table : List.of("entries", "nodes", "checkpoints")) {
                exec(db, "alter table audit." + table + " enable trigger user");
            }
            if (auto) {
                db.commit();
            }
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(auto);
        }
    }

    static void exec(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    static List<Object[]> rows(Connection db, String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = rs.getObject(c + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static void insertRows(Connection db, String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    ps.setObject(c + 1, row[c]);
                }
                ps.addBatch();
            }
            if (!rows.isEmpty()) {
                ps.executeBatch();
            }
        }
    }
}
