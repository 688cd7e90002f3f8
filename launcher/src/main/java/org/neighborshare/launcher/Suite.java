package org.neighborshare.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
 * <p>{@link #start()} starts what is not running yet and waits until each part is ready (Keycloak serves
 * the realm, each service answers 200 on {@code /q/health/ready} of its management port); if any part fails it stops everything
 * it started and throws a {@link SuiteException} quoting that part's last output. {@link #close()} (also run
 * by a shutdown hook, e.g. on Ctrl-C) stops every child with its descendants (SIGTERM, then SIGKILL after
 * 10 s) and then PostgreSQL. Thread-safe.
 */
public final class Suite implements AutoCloseable {

    static {
        // zonky logs through slf4j (slf4j-simple in the launcher jar): only its warnings and errors.
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    /** How long a stopped part gets between SIGTERM and SIGKILL. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** The heap of each Quarkus service. */
    public static final String SERVICE_HEAP = "-Xmx256m";
    /** The heap of Keycloak ({@code JAVA_OPTS_KC_HEAP}). */
    public static final String KEYCLOAK_HEAP = "-Xms64m -Xmx512m";
    /** Keycloak's bootstrap admin (local demo only). */
    public static final String KEYCLOAK_ADMIN = "admin";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "admin";

    private static final String LAUNCHER = "launcher";

    private final SuiteConfig config;
    private final Object lock = new Object();
    private final Map<String, ManagedProcess> processes = new ConcurrentHashMap<>();
    private final Map<String, ProcessLog> logs = new ConcurrentHashMap<>();
    private final Map<String, Duration> readyTimes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final boolean colors;
    private final ProcessLog launcherLog;
    private final HttpClient http;

    // guarded by lock
    private EmbeddedPostgres postgres;
    private long postgresStartNanos;
    private FileTailer postgresTailer;
    private Thread shutdownHook;
    private boolean closeDone;
    private volatile boolean closed;

    public Suite(SuiteConfig config) {
        this.config = config;
        this.colors = config.consoleLogs() && System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
        this.launcherLog = log(LAUNCHER);
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(1))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
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
            preflight();
            startPostgres();
            startKeycloak();
            for (String s : config.services()) {
                startService(s);
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        launcherLog.line("suite ready in " + format(Duration.ofNanos(System.nanoTime() - t0)));
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
                if (postgres != null) {
                    stopPostgres();
                    launcherLog.line("postgres stopped");
                }
                return;
            }
            ManagedProcess mp = processes.get(n);
            if (mp != null && mp.isAlive()) {
                mp.stop(STOP_GRACE);
                launcherLog.line(n + " stopped");
            }
        }
    }

    public boolean isRunning(String name) {
        String n = Services.canonical(name);
        if (Services.POSTGRES.equals(n)) {
            synchronized (lock) {
                return postgres != null;
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
        synchronized (readyTimes) {
            Map<String, Duration> ordered = new LinkedHashMap<>();
            for (String n : Services.ALL) {
                Duration d = readyTimes.get(n);
                if (d != null) {
                    ordered.put(n, d);
                }
            }
            return Collections.unmodifiableMap(ordered);
        }
    }

    /** The pid of a running part (for keycloak: the {@code kc.sh} process; for postgres: the postmaster). */
    public OptionalLong pid(String name) {
        String n = Services.canonical(name);
        if (Services.POSTGRES.equals(n)) {
            if (!isRunning(Services.POSTGRES)) {
                return OptionalLong.empty();
            }
            long pid = postmasterPid();
            return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
        }
        ManagedProcess mp = processes.get(n);
        return mp != null && mp.isAlive() ? OptionalLong.of(mp.process().pid()) : OptionalLong.empty();
    }

    /**
     * Resident memory of a running part in bytes: the sum of {@code VmRSS} (from {@code /proc/<pid>/status})
     * of its process and all descendants (Keycloak's JVM is a child of {@code kc.sh}; PostgreSQL has a
     * process per connection), or -1 if it is not running.
     */
    public long residentMemoryBytes(String name) {
        OptionalLong pid = pid(name);
        if (pid.isEmpty()) {
            return -1;
        }
        return ProcessHandle.of(pid.getAsLong())
                .map(root -> {
                    long sum = Math.max(0, residentMemoryBytes(root.pid()));
                    for (ProcessHandle d : (Iterable<ProcessHandle>) root.descendants()::iterator) {
                        sum += Math.max(0, residentMemoryBytes(d.pid()));
                    }
                    return sum;
                })
                .orElse(-1L);
    }

    /** {@code VmRSS} of one process in bytes, or -1 if it cannot be read (gone, not Linux). */
    public static long residentMemoryBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    long value = Long.parseLong(parts[0]);
                    String unit = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "kb";
                    return "kb".equals(unit) ? value * 1024 : value;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Prints, per part, its time from process start to ready and its resident memory now (see
     * {@link #residentMemoryBytes(String)}), and the totals: figures for measurements.
     */
    public void printFootprint(PrintStream out) {
        Map<String, Duration> ready = readyTimes();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-16s %12s %12s%n", "part", "ready (s)",
                "RSS (MiB)"));
        long totalRss = 0;
        for (String n : Services.ALL) {
            Duration d = ready.get(n);
            long rss = residentMemoryBytes(n);
            if (d == null && rss < 0) {
                continue;
            }
            totalRss += Math.max(0, rss);
            sb.append(String.format(Locale.ROOT, "%-16s %12s %12s%n", n,
                    d == null ? "-" : String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0),
                    rss < 0 ? "not running" : String.format(Locale.ROOT, "%.0f", rss / (1024.0 * 1024.0))));
        }
        sb.append(String.format(Locale.ROOT, "%-16s %12s %12.0f%n", "total", "",
                totalRss / (1024.0 * 1024.0)));
        out.print(sb);
        out.flush();
    }

    /** The log file of a part ({@code dataDir/logs/<short name>.log}); written only if {@link SuiteConfig#fileLogs()}, or for postgres always. */
    public Path logFile(String name) {
        return config.logDir().resolve(Services.logName(name) + ".log");
    }

    /** The last lines a part printed (at most 40), for diagnostics. */
    public List<String> recentOutput(String name) {
        return log(Services.logName(name)).tail();
    }

    public boolean isClosed() {
        return closed;
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
            if (postgres != null) {
                names.add(Services.POSTGRES);
            }
            if (!names.isEmpty()) {
                launcherLog.line("stopping " + String.join(", ", names));
            }
            ManagedProcess.stopTrees(handles, STOP_GRACE);
            stopPostgres();
            if (!names.isEmpty()) {
                launcherLog.line("stopped");
            }
            logs.values().forEach(ProcessLog::close);
            if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook runs (or ran) this same close
                }
            }
        }
    }

    // ---------------------------------------------------------------- parts

    private void preflight() {
        List<String> problems = new ArrayList<>();
        Path realm = config.repoRoot().resolve(SuiteConfig.REALM_FILE);
        if (!Files.isRegularFile(realm)) {
            problems.add("missing realm file " + realm);
        }
        for (String s : config.services()) {
            Path jar = Services.quarkusJar(config.repoRoot(), s);
            if (!isRunning(s) && !Files.isRegularFile(jar)) {
                problems.add(s + " is not built (missing " + config.repoRoot().relativize(jar) + ")");
            }
        }
        if (!isRunning(Services.KEYCLOAK) && existingKeycloakHome() == null) {
            try {
                KeycloakDist.findZip(config.repoRoot());
            } catch (SuiteException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new SuiteException(String.join("\n", problems)
                    + "\nBuild first: ./mvnw -B install -DskipTests (or ./run-local --rebuild)");
        }
        List<String> taken = new ArrayList<>();
        List<String> parts = new ArrayList<>(List.of(Services.POSTGRES, Services.KEYCLOAK));
        parts.addAll(config.services());
        for (String p : parts) {
            if (!isRunning(p) && !portFree(config.port(p))) {
                taken.add(p + " " + config.port(p));
            }
            if (Services.QUARKUS_SERVICES.contains(p) && !isRunning(p) && !portFree(config.managementPort(p))) {
                taken.add(p + " (management) " + config.managementPort(p));
            }
        }
        if (!taken.isEmpty()) {
            throw new SuiteException("port(s) already in use: " + String.join(", ", taken)
                    + " — is another suite (or an old process of one) still running?");
        }
    }

    private void startPostgres() {
        Path logFile = config.logDir().resolve("postgres.log");
        ProcessLog log = log(Services.POSTGRES);
        synchronized (lock) {
            checkOpen();
            if (postgres != null) {
                return;
            }
            ensureHook();
            int port = config.port(Services.POSTGRES);
            if (!portFree(port)) {
                throw new SuiteException("postgres port " + port + " is already in use");
            }
            long t0 = System.nanoTime();
            try {
                Files.createDirectories(config.logDir());
                postgresTailer = new FileTailer(logFile, log::line, "log-postgres");
                ProcessBuilder.Redirect out = ProcessBuilder.Redirect.appendTo(logFile.toFile());
                postgres = EmbeddedPostgres.builder()
                        .setPort(port)
                        .setDataDirectory(config.dataDir().resolve("postgres"))
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false) // ours stops it, after the services
                        .setServerConfig("fsync", "on") // zonky turns it off; the local data is kept
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setOutputRedirector(out)
                        .setErrorRedirector(out)
                        .start();
                postgresStartNanos = t0;
                ensureDatabases();
            } catch (IOException | SQLException | RuntimeException e) {
                stopPostgres();
                throw new SuiteException("PostgreSQL did not start on port " + port + ": " + e.getMessage()
                        + "\n" + log.tailForMessage(), e);
            }
            Duration ready = Duration.ofNanos(System.nanoTime() - postgresStartNanos);
            readyTimes.put(Services.POSTGRES, ready);
            launcherLog.line("postgres ready on port " + port + " in " + format(ready)
                    + " (databases " + String.join(", ", Services.DATABASES) + ")");
        }
    }

    private void ensureDatabases() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            for (String db : Services.DATABASES) {
                try (PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                    ps.setString(1, db);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement st = c.createStatement()) {
                    st.execute("create database \"" + db + "\"");
                }
                launcherLog.line("created database " + db);
            }
        }
    }

    private void stopPostgres() {
        synchronized (lock) {
            if (postgres == null) {
                closeTailer();
                return;
            }
            long pid = postmasterPid();
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                launcherLog.line("postgres: " + e);
            }
            postgres = null;
            if (pid > 0) { // pg_ctl stop gives up after 5 s: make sure the server is gone
                ProcessHandle.of(pid).ifPresent(h -> {
                    try {
                        h.onExit().get(5, TimeUnit.SECONDS);
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
                        ManagedProcess.stopTrees(tree, STOP_GRACE);
                    }
                });
            }
            closeTailer();
        }
    }

    private void closeTailer() {
        if (postgresTailer != null) {
            postgresTailer.close();
            postgresTailer = null;
        }
    }

    private long postmasterPid() {
        Path pidFile = config.dataDir().resolve("postgres/postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private Path existingKeycloakHome() {
        String version = KeycloakDist.version();
        if (version == null) {
            return null;
        }
        Path home = config.dataDir().resolve("keycloak-" + version);
        return Files.isRegularFile(home.resolve("bin/kc.sh")) ? home : null;
    }

    /** The unpacked Keycloak in the data dir (unpacked now if absent). */
    public Path keycloakHome() {
        Path home = existingKeycloakHome();
        if (home != null) {
            return home;
        }
        Path zip = KeycloakDist.findZip(config.repoRoot());
        try {
            return KeycloakDist.ensureUnpacked(zip, config.dataDir(),
                    config.repoRoot().resolve(SuiteConfig.REALM_FILE), launcherLog);
        } catch (IOException e) {
            throw new SuiteException("cannot unpack " + zip + " into " + config.dataDir() + ": " + e, e);
        }
    }

    private void startKeycloak() {
        checkOpen();
        if (isRunning(Services.KEYCLOAK)) {
            return;
        }
        Path home = keycloakHome(); // unpacking takes a while: outside the lock
        ManagedProcess mp;
        synchronized (lock) {
            checkOpen();
            if (isRunning(Services.KEYCLOAK)) {
                return;
            }
            ensureHook();
            int port = config.port(Services.KEYCLOAK);
            if (!portFree(port)) {
                throw new SuiteException("keycloak port " + port + " is already in use");
            }
            List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(),
                    "start-dev", "--import-realm", "--http-port=" + port));
            cmd.addAll(config.extraArgs(Services.KEYCLOAK));
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", KEYCLOAK_ADMIN);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", KEYCLOAK_ADMIN_PASSWORD);
            env.put("JAVA_OPTS_KC_HEAP", KEYCLOAK_HEAP);
            env.put("JAVA_HOME", System.getProperty("java.home"));
            mp = process(Services.KEYCLOAK);
            launch(mp, cmd, env, home);
        }
        awaitReady(mp, config.issuerUrl() + "/.well-known/openid-configuration", config.keycloakUrl(),
                config.keycloakTimeout());
    }

    private void startService(String service) {
        String name = Services.canonical(service);
        if (!Services.QUARKUS_SERVICES.contains(name)) {
            throw new IllegalArgumentException(name + " is not a Quarkus service");
        }
        checkOpen();
        ManagedProcess mp;
        synchronized (lock) {
            checkOpen();
            if (isRunning(name)) {
                return;
            }
            ensureHook();
            Path jar = Services.quarkusJar(config.repoRoot(), name);
            if (!Files.isRegularFile(jar)) {
                throw new SuiteException(name + " is not built (missing " + jar
                        + "): run ./mvnw -B install -DskipTests (or ./run-local --rebuild)");
            }
            for (int port : new int[] {config.port(name), config.managementPort(name)}) {
                if (!portFree(port)) {
                    throw new SuiteException(name + " port " + port + " is already in use");
                }
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add(SERVICE_HEAP);
            Services.systemProperties(config, name).forEach((k, v) -> cmd.add("-D" + k + "=" + v));
            cmd.addAll(config.extraArgs(name));
            cmd.add("-jar");
            cmd.add(jar.toString());
            // Relative paths a service writes (if any) land in the data dir, not in the checkout.
            Path workDir = config.dataDir().resolve("work").resolve(name);
            mp = process(name);
            try {
                Files.createDirectories(workDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            launch(mp, cmd, Map.of(), workDir);
        }
        // Health is served on the management interface only, never on the service's API port.
        awaitReady(mp, config.managementUrl(name) + "/q/health/ready",
                config.url(name) + " (management " + config.managementUrl(name) + ")", config.serviceTimeout());
    }

    private void launch(ManagedProcess mp, List<String> cmd, Map<String, String> env, Path workDir) {
        try {
            mp.start(cmd, env, workDir);
        } catch (IOException e) {
            throw new SuiteException("cannot start " + mp.name() + ": " + e.getMessage(), e);
        }
        launcherLog.line("started " + mp.name() + " (pid " + mp.process().pid() + ")");
    }

    /** Polls {@code url} until it answers 200; {@code servedAt} is what the ready line names. */
    private void awaitReady(ManagedProcess mp, String url, String servedAt, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
        while (true) {
            if (closed) {
                throw new SuiteException("suite closed while " + mp.name() + " was starting");
            }
            Process p = mp.process();
            if (!p.isAlive()) {
                throw new SuiteException(mp.name() + " exited with code " + p.exitValue() + " before it was ready\n"
                        + mp.log().tailForMessage());
            }
            try {
                HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    Duration d = Duration.ofNanos(mp.elapsedNanos());
                    readyTimes.put(mp.name(), d);
                    launcherLog.line(mp.name() + " ready at " + servedAt + " in " + format(d));
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                mp.stop(STOP_GRACE);
                throw new SuiteException("interrupted while waiting for " + mp.name());
            }
            if (System.nanoTime() > deadline) {
                String tail = mp.log().tailForMessage();
                mp.stop(STOP_GRACE);
                throw new SuiteException(mp.name() + " was not ready after " + timeout.toSeconds() + " s (" + url
                        + ")\n" + tail);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                mp.stop(STOP_GRACE);
                throw new SuiteException("interrupted while waiting for " + mp.name());
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private ManagedProcess process(String name) {
        return processes.computeIfAbsent(name, n -> new ManagedProcess(n, log(Services.logName(n)), launcherLog));
    }

    private ProcessLog log(String logName) {
        return logs.computeIfAbsent(logName, n -> {
            PrintStream console = config.consoleLogs() ? System.out : null;
            // PostgreSQL writes its own file (followed by a FileTailer); the others are written here.
            Path file = config.fileLogs() && !"postgres".equals(n) ? config.logDir().resolve(n + ".log") : null;
            int color = colors ? colorIndex(n) : -1;
            return new ProcessLog(n, console, file, color);
        });
    }

    private static int colorIndex(String logName) {
        for (int i = 0; i < Services.ALL.size(); i++) {
            if (Services.logName(Services.ALL.get(i)).equals(logName)) {
                return i;
            }
        }
        return Services.ALL.size();
    }

    private void ensureHook() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::close, "neighbors-suite-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new SuiteException("the suite is closed");
        }
    }

    /** True if nothing listens on the port (a bind to the wildcard address succeeds). */
    static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String format(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
