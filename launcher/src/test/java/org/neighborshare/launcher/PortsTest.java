package org.neighborshare.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aTakenPortIsSeenAndNamed() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            int port = s.getLocalPort();
            assertFalse(Ports.free(port));
            SuiteException e = assertThrows(SuiteException.class, () -> Ports.requireFree("gateway", port));
            assertEquals("gateway port " + port + " is already in use", e.getMessage());
        }
    }
}
