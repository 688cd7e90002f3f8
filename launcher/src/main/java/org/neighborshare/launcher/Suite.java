package org.neighborshare.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole Neighbor Share suite on one machine: embedded PostgreSQL, Keycloak ({@code kc.sh start-dev})
 * and the four Quarkus services, each a child process on the ports of a {@link SuiteConfig}.
 *
 * <pre>{@code
 * try (Suite suite = new Suite(SuiteConfig.forTests(tempDir)).start()) {
 *     suite.stop(Services.CONSENT);
 *     ...
 *     suite.start(Services.CONSENT);
 * }
 * }</pre>
 *
 * <p>{@link #start()} checks that everything is built and every port is free ({@link Preflight}), then starts
 * what is not running yet, in order, and waits until each part is ready ({@link Readiness}); if any part fails
 * it stops everything it started and throws a {@link SuiteException} quoting that part's last output.
 * {@link #close()} (also run by a shutdown hook, e.g. on Ctrl-C) stops every child with its descendants (SIGTERM,
 * then SIGKILL after {@link ManagedProcess#STOP_GRACE}) and then PostgreSQL. Thread-safe.
 */
public final class Suite implements AutoCloseable {

    private final SuiteConfig config;
    private final ProcessLogs logs;
    private final ProcessLog launcherLog;
    private final Preflight preflight;
    private final Postgres postgres;
    private final Keycloak keycloak;
    private final Readiness readiness;
    private final Map<String, ManagedProcess> processes = new ConcurrentHashMap<>();
    private final Map<String, Duration> readyTimes = new ConcurrentHashMap<>();
    private final Object lock = new Object();

    // guarded by lock (so is postgres)
    private Thread shutdownHook;
    private boolean closeDone;
    private volatile boolean closed;

    public Suite(SuiteConfig config) {
        this.config = config;
        this.logs = new ProcessLogs(config);
        this.launcherLog = logs.launcher();
        this.postgres = new Postgres(config, logs);
        this.keycloak = new Keycloak(config, launcherLog);
        this.preflight = new Preflight(config, keycloak, this::isRunning);
        this.readiness = new Readiness(() -> closed);
    }

    public SuiteConfig config() {
        return config;
    }

    /**
     * Starts PostgreSQL, Keycloak and {@link SuiteConfig#services()} in that order, each only if it is not
     * running, and waits until each is ready.
     *
     * @return this
     * @throws SuiteException if a part is not built, a port is taken, or a part does not become ready
     *                        (everything this suite runs is stopped then)
     */
    public Suite start() {
        long t0 = System.nanoTime();
        try {
            preflight.check();
            startPostgres();
            startKeycloak();
            for (String s : config.services()) {
                startService(s);
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        launcherLog.line("suite ready in " + Readiness.seconds(Duration.ofNanos(System.nanoTime() - t0)));
        return this;
    }

    /**
     * Starts one part (postgres, keycloak or a service; short names such as {@code consent} work too) if it
     * is not running, and waits until it is ready. A part that fails to become ready is stopped again.
     *
     * @throws SuiteException if it cannot be started or does not become ready
     */
    public void start(String name) {
        String n = Services.canonical(name);
        switch (n) {
            case Services.POSTGRES:
                startPostgres();
                break;
            case Services.KEYCLOAK:
                startKeycloak();
                break;
            default:
                startService(n);
        }
    }

    /** Stops one part (with its descendants); nothing happens if it is not running. */
    public void stop(String name) {
        String n = Services.canonical(name);
        synchronized (lock) {
            if (Services.POSTGRES.equals(n)) {
                if (postgres.isRunning()) {
                    postgres.stop();
                    launcherLog.line("postgres stopped");
                }
                return;
            }
            ManagedProcess mp = processes.get(n);
            if (mp != null && mp.isAlive()) {
                mp.stop(ManagedProcess.STOP_GRACE);
                launcherLog.line(n + " stopped");
            }
        }
    }

    public boolean isRunning(String name) {
        String n = Services.canonical(name);
        if (Services.POSTGRES.equals(n)) {
            synchronized (lock) {
                return postgres.isRunning();
            }
        }
        ManagedProcess mp = processes.get(n);
        return mp != null && mp.isAlive();
    }

    /**
     * Time from process start to ready of each part's latest start, in start order (postgres, keycloak,
     * then the services).
     */
    public Map<String, Duration> readyTimes() {
        Map<String, Duration> ordered = new LinkedHashMap<>();
        for (String n : Services.ALL) {
            Duration d = readyTimes.get(n);
            if (d != null) {
                ordered.put(n, d);
            }
        }
        return Collections.unmodifiableMap(ordered);
    }

    /** The pid of a running part (for keycloak: the {@code kc.sh} process; for postgres: the postmaster). */
    public OptionalLong pid(String name) {
        String n = Services.canonical(name);
        if (Services.POSTGRES.equals(n)) {
            synchronized (lock) {
                return postgres.pid();
            }
        }
        ManagedProcess mp = processes.get(n);
        return mp != null && mp.isAlive() ? OptionalLong.of(mp.process().pid()) : OptionalLong.empty();
    }

    /** Prints the {@link Footprint}: per part, its time to ready and its resident memory now, and the totals. */
    public void printFootprint(PrintStream out) {
        Map<String, Long> residentBytes = new LinkedHashMap<>();
        for (String n : Services.ALL) {
            residentBytes.put(n, Footprint.residentBytesOfTree(pid(n)));
        }
        out.print(Footprint.table(readyTimes(), residentBytes));
        out.flush();
    }

    /** The log file of a part ({@code dataDir/logs/<short name>.log}); written only if {@link SuiteConfig#fileLogs()}, or for postgres always. */
    public Path logFile(String name) {
        return logs.file(name);
    }

    /** Stops every running part (children with their descendants, then PostgreSQL). Idempotent. */
    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            if (closeDone) {
                return;
            }
            closeDone = true;
            List<String> names = new ArrayList<>();
            List<ProcessHandle> handles = new ArrayList<>();
            for (String n : Services.ALL) {
                ManagedProcess mp = processes.get(n);
                if (mp != null && mp.isAlive()) {
                    mp.markStopping();
                    names.add(n);
                    handles.addAll(mp.tree());
                }
            }
            if (postgres.isRunning()) {
                names.add(Services.POSTGRES);
            }
            if (!names.isEmpty()) {
                launcherLog.line("stopping " + String.join(", ", names));
            }
            // All children at once, so that the slowest one's grace is the only wait.
            ManagedProcess.stopTrees(handles, ManagedProcess.STOP_GRACE);
            postgres.stop();
            if (!names.isEmpty()) {
                launcherLog.line("stopped");
            }
            logs.close();
            removeShutdownHook();
        }
    }

    // ---------------------------------------------------------------- the parts, in start order

    private void startPostgres() {
        synchronized (lock) {
            checkOpen();
            if (postgres.isRunning()) {
                return;
            }
            ensureShutdownHook();
            int port = config.port(Services.POSTGRES);
            Ports.requireFree(Services.POSTGRES, port);
            Duration ready = postgres.start();
            readyTimes.put(Services.POSTGRES, ready);
            launcherLog.line("postgres ready on port " + port + " in " + Readiness.seconds(ready) + " (databases "
                    + String.join(", ", Services.DATABASES) + ")");
        }
    }

    private void startKeycloak() {
        checkOpen();
        if (isRunning(Services.KEYCLOAK)) {
            return;
        }
        Path home = keycloak.home(); // unpacking takes a while: outside the lock
        ManagedProcess mp;
        synchronized (lock) {
            checkOpen();
            if (isRunning(Services.KEYCLOAK)) {
                return;
            }
            ensureShutdownHook();
            Ports.requireFree(Services.KEYCLOAK, config.port(Services.KEYCLOAK));
            mp = launch(Services.KEYCLOAK, keycloak.launch(home));
        }
        awaitReady(mp, keycloak.readyUrl(), config.keycloakUrl(), config.keycloakTimeout());
    }

    private void startService(String name) {
        QuarkusService service = new QuarkusService(config, name);
        checkOpen();
        ManagedProcess mp;
        synchronized (lock) {
            checkOpen();
            if (isRunning(service.name())) {
                return;
            }
            ensureShutdownHook();
            if (!service.isBuilt()) {
                throw new SuiteException(service.name() + " is not built (missing " + service.jar() + "): run "
                        + Preflight.HOW_TO_BUILD);
            }
            Ports.requireFree(service.name(), service.ports());
            mp = launch(service.name(), service.launch());
        }
        awaitReady(mp, service.readyUrl(), service.servedAt(), config.serviceTimeout());
    }

    // ---------------------------------------------------------------- steps

    private ManagedProcess launch(String part, Launch how) {
        ManagedProcess mp = processes.computeIfAbsent(part, n -> new ManagedProcess(n, logs.of(n), launcherLog));
        try {
            mp.start(how.command(), how.environment(), how.workDir());
        } catch (IOException e) {
            throw new SuiteException("cannot start " + part + ": " + e.getMessage(), e);
        }
        launcherLog.line("started " + part + " (pid " + mp.process().pid() + ")");
        return mp;
    }

    /** Waits for the part's readiness URL; {@code servedAt} is what the ready line names. */
    private void awaitReady(ManagedProcess mp, String url, String servedAt, Duration timeout) {
        Duration ready = readiness.await(mp, url, timeout);
        readyTimes.put(mp.name(), ready);
        launcherLog.line(mp.name() + " ready at " + servedAt + " in " + Readiness.seconds(ready));
    }

    private void checkOpen() {
        if (closed) {
            throw new SuiteException("the suite is closed");
        }
    }

    /** Ctrl-C (or any JVM exit) stops what this suite started; added with the first part, under the lock. */
    private void ensureShutdownHook() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::close, "neighbors-suite-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs (or ran) this same close
            }
        }
    }
}
