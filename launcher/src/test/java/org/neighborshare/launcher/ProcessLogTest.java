package org.neighborshare.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log prefixes line up; each part's log goes where the config says. */
class ProcessLogTest {

    @TempDir
    Path tmp;

    @Test
    void prefixesHaveOneWidth() {
        assertEquals("[agency  ] ", ProcessLog.prefix("agency"));
        assertEquals("[keycloak] ", ProcessLog.prefix("keycloak"));
        for (String n : Services.ALL) {
            assertEquals(11, ProcessLog.prefix(Services.logName(n)).length(), n);
        }
    }

    @Test
    void colorsAreStrippedFromTheKeptLines() {
        assertEquals("red", ProcessLog.stripAnsi("\u001b[31mred\u001b[0m"));
        assertEquals("plain", ProcessLog.stripAnsi("plain"));
    }

    @Test
    void eachPartWritesItsLogFileByShortNameButPostgresWritesItsOwn() throws Exception {
        try (ProcessLogs logs = new ProcessLogs(SuiteConfig.forTests(tmp))) {
            assertEquals(tmp.resolve("logs/consent.log"), logs.file("consent-service"));
            assertEquals(tmp.resolve("logs/postgres.log"), logs.file("pg"));
            assertSame(logs.of("consent"), logs.of(Services.CONSENT), "one log per part, however it is named");
            logs.of(Services.CONSENT).line("hello");
            logs.of(Services.POSTGRES).line("from the tailer");
        }
        assertEquals("hello\n", Files.readString(tmp.resolve("logs/consent.log")));
        // The server writes postgres.log itself; the launcher only follows it.
        assertFalse(Files.exists(tmp.resolve("logs/postgres.log")));
    }
}
