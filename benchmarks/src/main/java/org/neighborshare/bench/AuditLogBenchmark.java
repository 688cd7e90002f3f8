package org.neighborshare.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.neighborshare.shared.audit.AuditEventType;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.audit.Checkpoint;
import org.neighborshare.shared.audit.MerkleTree;
import org.neighborshare.shared.audit.NoteSigner;
import org.neighborshare.shared.audit.store.AuditSchema;
import org.neighborshare.shared.audit.store.AuditStore;

/**
 * Issue 12's audit log benchmark, on a real PostgreSQL 17 (fsync on, as the launcher runs it) with shared's own
 * migrations and {@link AuditStore}, the code every service appends through:
 * (1) sustained appends by concurrent appenders, each entry in its own transaction, as the runtime role: entries/s
 * and p50/p99 latency of append + commit; (2) at 1,000,000 entries, the time to build a checkpoint (root, sign,
 * store) and an inclusion proof for random indices, p50/p99. The tree beyond the timed appends is seeded in bulk
 * by SQL (same hashing), then checked: every proof timed is also verified against the root.
 */
public final class AuditLogBenchmark {

    static final int APPENDERS = Integer.getInteger("appenders", 16);
    static final Duration APPEND_FOR = Duration.ofSeconds(Long.getLong("seconds", 20));
    static final long SIZE = Long.getLong("entries", 1_000_000);
    static final int PROOFS = Integer.getInteger("proofs", 1_000);
    static final String ROLE = "bench_service";

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", System.getProperty("synchronous-commit", "on"))
                .setServerConfig("shared_buffers", "256MB")
                .start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("create role " + ROLE + " login password '" + ROLE + "'");
                try (ResultSet rs = s.executeQuery("show synchronous_commit")) {
                    rs.next();
                    System.out.printf("PostgreSQL 17, fsync on, synchronous_commit %s%n", rs.getString(1));
                }
            }
            String url = pg.getJdbcUrl("postgres", "postgres");
            AuditSchema.migrate(url, "postgres", "postgres", ROLE);
            seed(pg, SIZE);
            appends(url);
            atSize(url);
        }
    }

    /** Entries 0..n-1 and every complete subtree above them, computed by PostgreSQL level by level. */
    static void seed(EmbeddedPostgres pg, long n) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("set synchronous_commit = off");
            s.execute("insert into audit.entries (idx, entry, leaf_hash)"
                    + " select i, e, sha256('\\x00'::bytea || e) from (select i, convert_to("
                    + "'{\"agency\":\"' || md5(i::text) || '\",\"at\":\"2026-01-01T00:00:00.000Z\",\"type\":\"agency.applied\"}',"
                    + " 'UTF8') as e from generate_series(0, " + (n - 1) + ") i) x");
            long width = n;
            for (int level = 1; (width /= 2) > 0; level++) {
                String below = level == 1
                        ? "(select idx, leaf_hash as hash from audit.entries)"
                        : "(select idx, hash from audit.nodes where level = " + (level - 1) + ")";
                s.execute("insert into audit.nodes (level, idx, hash) select " + level
                        + ", l.idx / 2, sha256('\\x01'::bytea || l.hash || r.hash) from " + below + " l join " + below
                        + " r on r.idx = l.idx + 1 where l.idx % 2 = 0");
            }
            s.execute("analyze");
        }
        System.out.printf(Locale.ROOT, "seeded %,d entries by SQL in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    }

    /** APPENDERS threads append through AuditStore, one transaction per entry, for APPEND_FOR. */
    static void appends(String url) throws Exception {
        AuditStore store = new AuditStore();
        Recorder latencies = new Recorder(3);
        AtomicLong appended = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] deadline = new long[1];
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < APPENDERS; t++) {
            Thread thread = new Thread(() -> {
                try (Connection c =
                        DriverManager.getConnection(url.replace("user=postgres", "user=" + ROLE), ROLE, ROLE)) {
                    c.setAutoCommit(false);
                    start.await();
                    while (System.nanoTime() < deadline[0]) {
                        byte[] entry = AuditFact.of(AuditEventType.AGENCY_CHECKED, Instant.now())
                                .with("agency", UUID.randomUUID().toString())
                                .with("check", "domain-verified")
                                .with(
                                        "reviewer",
                                        "r-" + UUID.randomUUID().toString().substring(0, 16))
                                .toEntry();
                        long t0 = System.nanoTime();
                        store.append(c, entry);
                        c.commit();
                        latencies.recordValue(System.nanoTime() - t0);
                        appended.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        long t0 = System.nanoTime();
        deadline[0] = t0 + APPEND_FOR.toNanos();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("an appender failed", failures.get(0));
        }
        Histogram h = latencies.getIntervalHistogram();
        System.out.printf(
                Locale.ROOT,
                "appends: %d appenders, %,d entries in %.1f s: %,.0f entries/s; append+commit p50 %.2f ms, p99 %.2f ms,"
                        + " max %.2f ms%n",
                APPENDERS,
                appended.get(),
                seconds,
                appended.get() / seconds,
                h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6);
    }

    /** Checkpoint and inclusion proofs at SIZE entries (the tree has grown past it by now). */
    static void atSize(String url) throws Exception {
        AuditStore store = new AuditStore();
        try (Connection c = DriverManager.getConnection(url.replace("user=postgres", "user=" + ROLE), ROLE, ROLE)) {
            long size = store.size(c);
            if (size < SIZE) {
                throw new IllegalStateException("only " + size + " entries; raise -Dseconds");
            }
            System.out.printf(Locale.ROOT, "tree: %,d entries; measuring at %,d%n", size, SIZE);
            NoteSigner signer = NoteSigner.generate("neighborshare.example/agency-service");
            Histogram checkpoints = new Histogram(3);
            byte[] root = null;
            for (int i = -20; i < 200; i++) {
                long t0 = System.nanoTime();
                root = store.root(c, SIZE);
                byte[] note = Checkpoint.of("neighborshare.example/agency-service", SIZE, root)
                        .sign(signer);
                if (i == 199) {
                    c.setAutoCommit(false);
                    store.saveCheckpoint(c, SIZE, root, note);
                    c.commit();
                    c.setAutoCommit(true);
                }
                if (i >= 0) {
                    checkpoints.recordValue(System.nanoTime() - t0);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "checkpoint at %,d entries (root from stored subtrees + Ed25519 signature): p50 %.2f ms, p99 %.2f ms%n",
                    SIZE,
                    checkpoints.getValueAtPercentile(50) / 1e6,
                    checkpoints.getValueAtPercentile(99) / 1e6);
            Random random = new Random(42);
            Histogram proofs = new Histogram(3);
            Histogram consistency = new Histogram(3);
            for (int i = -100; i < PROOFS; i++) {
                long index = (long) (random.nextDouble() * SIZE);
                long t0 = System.nanoTime();
                List<byte[]> proof = store.inclusionProof(c, index, SIZE);
                long took = System.nanoTime() - t0;
                byte[] leaf = store.entry(c, index).orElseThrow().leafHash();
                if (!MerkleTree.verifyInclusion(index, SIZE, leaf, proof, root)) {
                    throw new IllegalStateException("the inclusion proof of " + index + " does not verify");
                }
                long from = 1 + (long) (random.nextDouble() * (SIZE - 1));
                long t1 = System.nanoTime();
                List<byte[]> cproof = store.consistencyProof(c, from, SIZE);
                long tookConsistency = System.nanoTime() - t1;
                if (!MerkleTree.verifyConsistency(from, SIZE, cproof, store.root(c, from), root)) {
                    throw new IllegalStateException("the consistency proof from " + from + " does not verify");
                }
                if (i >= 0) {
                    proofs.recordValue(took);
                    consistency.recordValue(tookConsistency);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "inclusion proof at %,d entries, %,d random indices (all verified): p50 %.2f ms, p99 %.2f ms%n",
                    SIZE,
                    PROOFS,
                    proofs.getValueAtPercentile(50) / 1e6,
                    proofs.getValueAtPercentile(99) / 1e6);
            System.out.printf(
                    Locale.ROOT,
                    "consistency proof to %,d entries from random sizes (all verified): p50 %.2f ms, p99 %.2f ms%n",
                    SIZE,
                    consistency.getValueAtPercentile(50) / 1e6,
                    consistency.getValueAtPercentile(99) / 1e6);
        }
    }
}
