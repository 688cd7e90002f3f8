package org.neighborshare.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The logs of one suite's parts and of the launcher itself: whether lines go to the console (colored on a
 * terminal) and to {@code dataDir/logs/<short name>.log}, per {@link SuiteConfig#consoleLogs()} and
 * {@link SuiteConfig#fileLogs()}. Thread-safe.
 */
final class ProcessLogs implements AutoCloseable {

    static final String LAUNCHER = "launcher";

    private final SuiteConfig config;
    private final boolean colors;
    private final Map<String, ProcessLog> logs = new ConcurrentHashMap<>();

    ProcessLogs(SuiteConfig config) {
        this.config = config;
        this.colors = config.consoleLogs()
                && System.console() != null
                && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
    }

    /** The launcher's own lines: what starts, what is ready, what stops. */
    ProcessLog launcher() {
        return log(LAUNCHER);
    }

    /** The log of a part (any name {@link Services#canonical} accepts). */
    ProcessLog of(String part) {
        return log(Services.logName(part));
    }

    /** The log file of a part: {@code dataDir/logs/<short name>.log}. */
    Path file(String part) {
        return config.logDir().resolve(Services.logName(part) + ".log");
    }

    private ProcessLog log(String logName) {
        return logs.computeIfAbsent(logName, n -> {
            PrintStream console = config.consoleLogs() ? System.out : null;
            // PostgreSQL writes its own file (followed by a FileTailer); the others are written here.
            Path file = config.fileLogs() && !Services.POSTGRES.equals(n)
                    ? config.logDir().resolve(n + ".log")
                    : null;
            int color = colors ? colorIndex(n) : -1;
            return new ProcessLog(n, console, file, color);
        });
    }

    /** One color per part, in start order; the launcher's comes after them. */
    private static int colorIndex(String logName) {
        for (int i = 0; i < Services.ALL.size(); i++) {
            if (Services.logName(Services.ALL.get(i)).equals(logName)) {
                return i;
            }
        }
        return Services.ALL.size();
    }

    /** Closes every log file. */
    @Override
    public void close() {
        logs.values().forEach(ProcessLog::close);
    }
}
