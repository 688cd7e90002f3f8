package org.neighborshare.shared.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Which periodic jobs this replica runs: one PostgreSQL session-level advisory lock per job, all held on one
 * connection of this replica's own. The replica that holds a job's lock runs it; every other replica skips it.
 * The lock lives as long as that connection: a replica that stops, crashes or is killed with SIGKILL loses its
 * connection, PostgreSQL releases its locks at once, and the next replica whose schedule fires takes the job
 * over (within one period of that job). Nothing to migrate and nothing to clean up.
 *
 * <p>Session locks use PostgreSQL's two-key form {@code (classid, objid)}, which never overlaps the one-key
 * locks the services take inside transactions (per-agency locks).
 */
@ApplicationScoped
public class JobLocks {

    /** "NSJB": the key space of job locks. */
    static final int NAMESPACE = 0x4E534A42;

    private static final Logger LOG = Logger.getLogger(JobLocks.class);

    private Supplier<DataSource> dataSource;
    private Connection connection;
    private final Set<String> held = new HashSet<>();

    /** For CDI; the datasource is looked up lazily, so a module without one (the gateway) is not affected. */
    JobLocks() {}

    /** Outside CDI (tests that play several replicas in one JVM). */
    public JobLocks(DataSource dataSource) {
        this.dataSource = () -> dataSource;
    }

    @Inject
    void useDefaultDataSource(Instance<DataSource> defaultDataSource) {
        this.dataSource = defaultDataSource::get;
    }

    /** Whether this replica runs {@code job} now: true if it held the lock and still does, or just took it. */
    public synchronized boolean holds(String job) {
        try {
            if (!held.isEmpty() && !connection.isValid(2)) {
                LOG.warnf("lost the connection holding job locks %s; another replica may take them", held);
                drop();
            }
            if (held.contains(job)) {
                return true;
            }
            if (tryLock(connection(), job)) {
                held.add(job);
                LOG.infof("this replica now runs job %s", job);
                return true;
            }
            return false;
        } catch (SQLException e) {
            LOG.warnf("could not ask for the lock of job %s: %s", job, e.getMessage());
            drop();
            return false;
        }
    }

    /** Gives a job back, so another replica takes it at its next period (used on shutdown and in tests). */
    public synchronized void release(String job) {
        if (!held.remove(job)) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            ps.setInt(1, NAMESPACE);
            ps.setInt(2, key(job));
            ps.setQueryTimeout(2);
            ps.execute();
        } catch (SQLException e) {
            drop(); // closing the session releases every lock it held
        }
    }

    public synchronized Set<String> held() {
        return Set.copyOf(held);
    }

    @PreDestroy
    public synchronized void releaseAll() {
        if (!held.isEmpty()) {
            LOG.infof("giving up job locks %s", held);
        }
        drop();
    }

    private static boolean tryLock(Connection c, String job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, NAMESPACE);
            ps.setInt(2, key(job));
            ps.setQueryTimeout(2);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** A stable 32-bit key per job name, the same in every replica and every release. */
    static int key(String job) {
        CRC32 crc = new CRC32();
        crc.update(job.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            // A connection of its own, kept for the replica's lifetime: the locks are tied to this session.
            connection = dataSource.get().getConnection();
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private void drop() {
        held.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf("closing the job-lock connection: %s", e.getMessage());
            }
            connection = null;
        }
    }
}
