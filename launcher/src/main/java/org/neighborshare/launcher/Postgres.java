package org.neighborshare.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded PostgreSQL server (zonky's binaries, data in {@code dataDir/postgres}, kept between runs) with one
 * database per data service ({@link Services#DATABASES}). Not thread-safe: the {@link Suite} calls it under its lock.
 */
final class Postgres {

    static {
        // zonky logs through slf4j (slf4j-simple in the launcher jar): only its warnings and errors.
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    /** zonky's superuser; it trusts local connections, so the password is only what the services send. */
    static final String USER = "postgres";

    static final String PASSWORD = "postgres";

    /**
     * The role a data service runs as: it owns nothing, so the audit log's grants (INSERT and SELECT only) bind it;
     * the superuser above runs the migrations. LOCAL DEMO password (zonky trusts local connections anyway).
     */
    static String runtimeRole(String db) {
        return db + "_service";
    }

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    /** How long {@code pg_ctl stop} is given before the server is stopped like any other process. */
    private static final Duration PG_CTL_STOP_WAIT = Duration.ofSeconds(5);

    private final SuiteConfig config;
    private final ProcessLog log;
    private final Path logFile;
    private final ProcessLog launcherLog;
    private EmbeddedPostgres server;
    private FileTailer tailer;

    Postgres(SuiteConfig config, ProcessLogs logs) {
        this.config = config;
        this.log = logs.of(Services.POSTGRES);
        this.logFile = logs.file(Services.POSTGRES);
        this.launcherLog = logs.launcher();
    }

    boolean isRunning() {
        return server != null;
    }

    /**
     * Starts the server on the suite's port and creates the databases that are missing.
     *
     * @return the time from start to ready
     * @throws SuiteException if it does not start (nothing is left running then)
     */
    Duration start() {
        int port = config.port(Services.POSTGRES);
        long t0 = System.nanoTime();
        try {
            // PostgreSQL writes its own output file; the tailer passes its lines on to this part's log.
            Files.createDirectories(logFile.getParent());
            tailer = new FileTailer(logFile, log::line, "log-postgres");
            ProcessBuilder.Redirect out = ProcessBuilder.Redirect.appendTo(logFile.toFile());
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false) // the suite's hook stops it, after the services
                    .setServerConfig("fsync", "on") // zonky turns it off; the local data is kept
                    .setPGStartupWait(STARTUP_WAIT)
                    .setOutputRedirector(out)
                    .setErrorRedirector(out)
                    .start();
            ensureDatabases();
        } catch (IOException | SQLException | RuntimeException e) {
            stop();
            throw new SuiteException(
                    "PostgreSQL did not start on port " + port + ": " + e.getMessage() + "\n" + log.tailForMessage(),
                    e);
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private void ensureDatabases() throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            for (String db : Services.DATABASES) {
                if (!exists(c, db)) {
                    try (Statement st = c.createStatement()) {
                        st.execute("create database \"" + db + "\"");
                    }
                    launcherLog.line("created database " + db);
                }
                ensureRole(c, runtimeRole(db));
            }
        }
    }

    private static void ensureRole(Connection c, String role) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then"
                    + " create role " + role + " login password '" + role + "'; end if; end $$");
        }
    }

    private static boolean exists(Connection c, String db) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            ps.setString(1, db);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Stops the server (nothing happens if it is not running) and makes sure the postmaster is gone. */
    void stop() {
        if (server != null) {
            OptionalLong pid = pid();
            try {
                server.close();
            } catch (IOException | RuntimeException e) {
                launcherLog.line("postgres: " + e);
            }
            server = null;
            pid.ifPresent(this::stopIfStillRunning);
        }
        if (tailer != null) {
            tailer.close();
            tailer = null;
        }
    }

    /** {@code pg_ctl stop} gives up after 5 s: a postmaster still running then is stopped with its children. */
    private void stopIfStillRunning(long pid) {
        ProcessHandle.of(pid).ifPresent(h -> {
            try {
                h.onExit().get(PG_CTL_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // still running: stopped below
            }
            if (h.isAlive()) {
                launcherLog.line("postgres (pid " + pid + ") still running after pg_ctl stop; stopping it");
                List<ProcessHandle> tree = new ArrayList<>();
                tree.add(h);
                h.descendants().forEach(tree::add);
                ManagedProcess.stopTrees(tree, ManagedProcess.STOP_GRACE);
            }
        });
    }

    /** The postmaster's pid, from its pid file, if the server is running. */
    OptionalLong pid() {
        if (server == null) {
            return OptionalLong.empty();
        }
        try {
            List<String> lines = Files.readAllLines(dataDirectory().resolve("postmaster.pid"));
            long pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private Path dataDirectory() {
        return config.dataDir().resolve("postgres");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
