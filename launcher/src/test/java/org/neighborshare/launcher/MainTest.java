package org.neighborshare.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void optionsChangeTheDefaults() {
        SuiteConfig c =
                Main.parse(new String[] {"--test-ports", "--services", "gateway, agency", "--data-dir", "/tmp/x"});
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
}
