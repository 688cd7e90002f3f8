package org.neighborshare.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether the ports a part needs are free before it starts. */
final class Ports {

    private Ports() {}

    /** True if nothing listens on the port (a bind to the wildcard address succeeds). */
    static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @throws SuiteException naming the part and the first taken port */
    static void requireFree(String part, int... ports) {
        for (int port : ports) {
            if (!free(port)) {
                throw new SuiteException(part + " port " + port + " is already in use");
            }
        }
    }
}
