package org.neighborshare.shared.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several replicas (one {@link JobLocks} each) against one real PostgreSQL. */
class JobLocksTest {

    static EmbeddedPostgres postgres;

    List<JobLocks> replicas = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void tenReplicas() {
        for (int i = 0; i < 10; i++) {
            replicas.add(new JobLocks(postgres.getPostgresDatabase()));
        }
    }

    @AfterEach
    void stopReplicas() {
        replicas.forEach(JobLocks::releaseAll);
    }

    @Test
    void tenReplicasRacingForAJobGiveItToExactlyOneAndItStaysThere() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            for (int round = 0; round < 20; round++) {
                List<Future<Boolean>> answers = new ArrayList<>();
                for (JobLocks r : replicas) {
                    answers.add(pool.submit((Callable<Boolean>) () -> r.holds("feed")));
                }
                int holders = 0;
                for (Future<Boolean> a : answers) {
                    holders += a.get() ? 1 : 0;
                }
                assertEquals(1, holders, "round " + round + ": exactly one replica runs the job");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void differentJobsAreIndependentAndAReleasedJobIsTakenOver() {
        JobLocks a = replicas.get(0);
        JobLocks b = replicas.get(1);
        assertTrue(a.holds("retention"));
        assertTrue(b.holds("expiry"), "another job is free for another replica");
        assertFalse(b.holds("retention"));
        assertFalse(a.holds("expiry"));
        a.release("retention");
        assertTrue(b.holds("retention"), "a released job goes to the next replica that asks");
        assertFalse(a.holds("retention"));
    }

    /** What a SIGKILL does to the database side: the holder's session ends, and with it its locks. */
    @Test
    void whenTheHoldersSessionDiesAnotherReplicaTakesOverAndTheOldHolderKnowsItLostIt() throws Exception {
        JobLocks holder = replicas.get(0);
        JobLocks standby = replicas.get(1);
        assertTrue(holder.holds("feed"));
        assertFalse(standby.holds("feed"));
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement st = admin.createStatement()) {
            ResultSet rs = st.executeQuery("select pid from pg_locks where locktype = 'advisory' and classid = "
                    + Integer.toUnsignedLong(JobLocks.NAMESPACE) + " and objid = "
                    + Integer.toUnsignedLong(JobLocks.key("feed")));
            assertTrue(rs.next(), "the job lock is visible in pg_locks");
            int pid = rs.getInt(1);
            st.executeQuery("select pg_terminate_backend(" + pid + ")").close();
        }
        // pg_terminate_backend only signals the backend; the lock goes when it has exited, as after a SIGKILL.
        long until = System.nanoTime() + 5_000_000_000L;
        boolean taken = false;
        while (!taken && System.nanoTime() < until) {
            taken = standby.holds("feed");
            if (!taken) {
                Thread.sleep(50);
            }
        }
        assertTrue(taken, "the standby takes the job within seconds");
        assertFalse(holder.holds("feed"), "the old holder sees it lost the job and does not run it too");
        assertEquals(java.util.Set.of("feed"), standby.held());
    }

    @Test
    void jobKeysAreStableAcrossReleases() {
        // Replicas of different builds must agree on the key of a job: it is a CRC32 of the name, never a hash
        // that could change with the JVM.
        assertEquals(0x09517708, JobLocks.key("consent-feed"));
    }
}
