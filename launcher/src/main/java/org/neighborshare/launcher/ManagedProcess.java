package org.neighborshare.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One child process of the suite (Keycloak or a service): its output pump and its stop, descendants included. */
final class ManagedProcess {

    /** How long a stopped process gets between SIGTERM and SIGKILL. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** How long the processes left after the grace get to die of SIGKILL. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final String name;
    private final ProcessLog log;
    private final ProcessLog launcherLog;
    private volatile Process process;
    private volatile long startNanos;
    private volatile boolean stopping;

    ManagedProcess(String name, ProcessLog log, ProcessLog launcherLog) {
        this.name = name;
        this.log = log;
        this.launcherLog = launcherLog;
    }

    String name() {
        return name;
    }

    ProcessLog log() {
        return log;
    }

    void start(List<String> command, Map<String, String> env, Path workDir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().putAll(env);
        log.line("---- starting: " + String.join(" ", command));
        stopping = false;
        startNanos = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close(); // no input: a child that reads stdin sees EOF
        process = p;
        Thread pump = new Thread(() -> pump(p), "log-" + name);
        pump.setDaemon(true);
        pump.start();
    }

    private void pump(Process p) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                log.line(line);
            }
        } catch (IOException e) {
            // the stream closes when the process is killed
        }
        try {
            int code = p.waitFor();
            if (!stopping && process == p) {
                launcherLog.line(name + " exited unexpectedly with code " + code);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    Process process() {
        return process;
    }

    /** Nanos since this process was started (System.nanoTime based). */
    long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    /** Marks the process as being stopped on purpose (no "exited unexpectedly" message). */
    void markStopping() {
        stopping = true;
    }

    /** The process and all its descendants, snapshotted now (they are re-parented once their parent dies). */
    List<ProcessHandle> tree() {
        Process p = process;
        List<ProcessHandle> all = new ArrayList<>();
        if (p != null) {
            ProcessHandle root = p.toHandle();
            all.add(root);
            root.descendants().forEach(all::add);
        }
        return all;
    }

    void stop(Duration grace) {
        markStopping();
        stopTrees(tree(), grace);
    }

    /**
     * Asks every process to stop (SIGTERM), waits up to {@code grace} for them all, then kills
     * (SIGKILL) the ones left and waits for those too.
     */
    static void stopTrees(List<ProcessHandle> handles, Duration grace) {
        for (ProcessHandle h : handles) {
            h.destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : handles) {
            awaitExit(h, deadline - System.nanoTime());
        }
        List<ProcessHandle> left = new ArrayList<>();
        for (ProcessHandle h : handles) {
            if (h.isAlive()) {
                h.destroyForcibly();
                left.add(h);
            }
        }
        long killDeadline = System.nanoTime() + KILL_WAIT.toNanos();
        for (ProcessHandle h : left) {
            awaitExit(h, killDeadline - System.nanoTime());
        }
    }

    private static void awaitExit(ProcessHandle h, long nanos) {
        if (nanos <= 0 || !h.isAlive()) {
            return;
        }
        try {
            h.onExit().get(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // timed out: killed next
        }
    }
}
