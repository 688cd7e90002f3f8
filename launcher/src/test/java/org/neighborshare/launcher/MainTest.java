package org.neighborshare.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void optionsChangeTheDefaults() {
        SuiteConfig c = Main.parse(new String[] {"--test-ports", "--services", "gateway, agency", "--data-dir", "/tmp/x"});
        assertEquals(18080, c.gatewayPort());
        assertEquals(54330, c.postgresPort());
        assertEquals(List.of(Services.AGENCY, Services.GATEWAY), c.services());
        assertEquals(Path.of("/tmp/x"), c.dataDir());
        assertTrue(c.consoleLogs());
        assertEquals(List.of(), Main.parse(new String[] {"--services", "none"}).services());
        assertNull(Main.parse(new String[] {"--help"}));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--bogus"}));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--data-dir"}));
    }

    @Test
    void theBannerNamesUrlsAndDemoUsers() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Suite suite = new Suite(SuiteConfig.defaults(SuiteConfig.findRepoRoot()).withConsoleLogs(false)
                .withFileLogs(false))) {
            Main.printBanner(new PrintStream(bytes, true, StandardCharsets.UTF_8), suite);
        }
        String banner = bytes.toString(StandardCharsets.UTF_8);
        for (String s : List.of("http://localhost:8080", "http://localhost:8180/admin", "admin / admin",
                "http://localhost:8081", "http://localhost:8082", "http://localhost:8083", "localhost:54320",
                "http://localhost:9080/q/health", "http://localhost:9080/q/metrics", "http://localhost:9083",
                "neighbors-demo", "reviewer.rivera", "investigator in agency")) {
            assertTrue(banner.contains(s), s + " missing from\n" + banner);
        }
    }
}
