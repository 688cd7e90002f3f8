package org.neighborshare.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child process of the suite: stopped with its descendants, its output prefixed, kept and written to its file. */
class ManagedProcessTest {

    @TempDir
    Path tmp;

    @Test
    void stoppingAProcessStopsItsDescendantsToo() throws Exception {
        ProcessLog launcher = new ProcessLog("launcher", null, null, -1);
        ManagedProcess mp = new ManagedProcess("agency-service", new ProcessLog("agency", null, null, -1), launcher);
        // A parent that ignores SIGTERM, and children that would outlive it.
        mp.start(List.of("bash", "-c", "trap '' TERM; sleep 300 & sleep 300 & echo started; wait"), Map.of(), tmp);
        List<ProcessHandle> tree = waitForTree(mp, 3);
        long t0 = System.nanoTime();
        mp.stop(Duration.ofSeconds(2));
        for (ProcessHandle h : tree) {
            assertFalse(h.isAlive(), "still alive: " + h.pid());
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 8);
        assertFalse(mp.isAlive());
    }

    private static List<ProcessHandle> waitForTree(ManagedProcess mp, int size) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<ProcessHandle> tree = mp.tree();
            if (tree.size() >= size) {
                return tree;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("process tree never reached " + size + ": " + mp.tree());
    }

    @Test
    void outputIsPrefixedKeptAndWrittenToTheLogFile() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Path file = tmp.resolve("logs/consent.log");
        ProcessLog log = new ProcessLog("consent", console, file, -1);
        ManagedProcess mp = new ManagedProcess("consent-service", log, new ProcessLog("launcher", null, null, -1));
        mp.start(List.of("bash", "-c", "echo one; echo two >&2; printf '\\033[31mred\\033[0m\\n'"), Map.of(), tmp);
        assertEquals(0, mp.process().waitFor());
        for (int i = 0; i < 50 && log.tail().size() < 4; i++) {
            Thread.sleep(50);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("[consent ] one\n"), out);
        assertTrue(out.contains("[consent ] two\n"), out);
        List<String> tail = log.tail();
        assertEquals("red", tail.get(tail.size() - 1));
        log.close();
        String written = Files.readString(file);
        assertTrue(written.contains("one\ntwo\nred\n"), written);
    }
}
