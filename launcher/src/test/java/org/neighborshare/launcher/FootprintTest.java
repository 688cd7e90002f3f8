package org.neighborshare.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resident memory from /proc, and the footprint table of ready times and memory. */
class FootprintTest {

    @TempDir
    Path tmp;

    @Test
    void residentMemoryIsReadFromProc() {
        long rss = Footprint.residentBytes(ProcessHandle.current().pid());
        assertTrue(rss > 1024 * 1024, "rss " + rss);
        assertEquals(-1, Footprint.residentBytes(Long.MAX_VALUE));
        assertTrue(Footprint.residentBytesOfTree(
                        OptionalLong.of(ProcessHandle.current().pid()))
                >= rss);
        assertEquals(-1, Footprint.residentBytesOfTree(OptionalLong.empty()));
    }

    @Test
    void theVmRssLineIsReadInKibibytes() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 9999 kB", "VmRSS:\t  123456 kB", "Threads:\t42");
        assertEquals(123456L * 1024, Footprint.vmRssBytes(status));
        assertEquals(-1, Footprint.vmRssBytes(List.of("Name:\tkthreadd", "Threads:\t1")), "kernel threads have none");
        assertEquals(7, Footprint.vmRssBytes(List.of("VmRSS: 7 B")));
    }

    @Test
    void theTableListsReadyOrRunningPartsInStartOrderWithATotal() {
        String table = Footprint.table(
                Map.of(Services.GATEWAY, Duration.ofMillis(2500), Services.POSTGRES, Duration.ofMillis(1200)),
                Map.of(
                        Services.GATEWAY,
                        100L * 1024 * 1024,
                        Services.POSTGRES,
                        -1L,
                        Services.KEYCLOAK,
                        300L * 1024 * 1024));
        String[] lines = table.split("\n");
        assertEquals(5, lines.length, table);
        assertTrue(lines[0].startsWith("part"), table);
        assertTrue(
                lines[1].startsWith("postgres") && lines[1].contains("1.2") && lines[1].contains("not running"), table);
        assertTrue(lines[2].startsWith("keycloak") && lines[2].contains(" - ") && lines[2].endsWith("300"), table);
        assertTrue(lines[3].startsWith("gateway") && lines[3].contains("2.5") && lines[3].endsWith("100"), table);
        assertTrue(lines[4].startsWith("total") && lines[4].endsWith("400"), table);
        assertFalse(table.contains("agency"), "a part neither ready nor running is left out");
    }

    @Test
    void aSuiteWithNothingRunningPrintsAnEmptyFootprint() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Suite suite = new Suite(SuiteConfig.forTests(tmp.resolve("data")))) {
            suite.printFootprint(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertTrue(suite.pid(Services.GATEWAY).isEmpty());
            assertTrue(suite.readyTimes().isEmpty());
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("part") && out.contains("total"), out);
        assertEquals(2, out.split("\n").length, out);
    }
}
