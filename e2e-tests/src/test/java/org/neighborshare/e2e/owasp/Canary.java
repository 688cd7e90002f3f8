package org.neighborshare.e2e.owasp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listener on a free local port that records every connection made to it. Counting accepted TCP connections,
 * not HTTP requests, catches any fetch: http, https (a TLS handshake never becomes a request), gopher or a raw
 * socket. A URL pointing here that the platform fetched, resolved into a connection or followed shows up as a hit.
 */
public final class Canary implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger hits = new AtomicInteger();
    private final List<String> firstBytes = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public Canary() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(this::accept, "owasp-canary-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                hits.incrementAndGet();
                s.setSoTimeout(500);
                byte[] buf = new byte[200];
                int n = s.getInputStream().read(buf);
                firstBytes.add(n > 0 ? new String(buf, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1) : "");
            } catch (IOException e) {
                // closed, or a connection that sent nothing: the hit is counted either way
            }
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code scheme://127.0.0.1:<port><path>} */
    public String url(String scheme, String path) {
        return scheme + "://127.0.0.1:" + port() + path;
    }

    public int hits() {
        return hits.get();
    }

    /**
     * Fails if anything connected, then proves the canary would have noticed: it connects to itself and waits for
     * the hit, so a zero above cannot come from a canary that was not listening.
     */
    public void assertUntouched(String what) throws IOException, InterruptedException {
        org.junit.jupiter.api.Assertions.assertEquals(0, hits(), what + " " + seen());
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port())) {
            probe.getOutputStream().write("self-test".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        for (int i = 0; i < 50 && hits() == 0; i++) {
            Thread.sleep(20);
        }
        org.junit.jupiter.api.Assertions.assertEquals(1, hits(), "the canary does not see connections");
    }

    /** What the connections sent first, for a failure message. */
    public List<String> seen() {
        return List.copyOf(firstBytes);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
