package org.neighborshare.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-protocol server for tests: gaul's s3proxy (its self-contained jar, which the build copies next to the
 * tests) run as a separate process over a folder, with AWS signature checks on. Not a mock: the SDK speaks the
 * same protocol to it as to AWS, MinIO or Ceph.
 */
public final class S3ProxyServer implements AutoCloseable {

    /** Local test credentials, never used outside a test's own s3proxy. */
    public static final String ACCESS_KEY = "local-test-access-key";

    public static final String SECRET_KEY = "local-test-secret-key";

    private final Process process;
    private final int port;

    private S3ProxyServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The jar the build copied ({@code neighbors.s3proxy.jar}, else {@code target/s3proxy/s3proxy.jar}). */
    public static Path defaultJar() {
        return Path.of(System.getProperty("neighbors.s3proxy.jar", "target/s3proxy/s3proxy.jar"));
    }

    public static S3ProxyServer start(Path jar, Path dataDir, int port) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("s3proxy jar not found at " + jar.toAbsolutePath()
                    + " (the module's build copies it in generate-test-resources)");
        }
        int chosen = port > 0 ? port : freePort();
        Files.createDirectories(dataDir.resolve("blobs"));
        Properties p = new Properties();
        p.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + chosen);
        p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        p.setProperty("s3proxy.identity", ACCESS_KEY);
        p.setProperty("s3proxy.credential", SECRET_KEY);
        p.setProperty("jclouds.provider", "filesystem");
        p.setProperty(
                "jclouds.filesystem.basedir",
                dataDir.resolve("blobs").toAbsolutePath().toString());
        Path props = dataDir.resolve("s3proxy.properties");
        try (OutputStream out = Files.newOutputStream(props)) {
            p.store(out, "test s3proxy");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("--properties");
        command.add(props.toAbsolutePath().toString());
        Path log = dataDir.resolve("s3proxy.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        S3ProxyServer server = new S3ProxyServer(process, chosen);
        server.awaitListening(Duration.ofSeconds(60), log);
        return server;
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    private void awaitListening(Duration timeout, Path log) throws IOException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy exited: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
        close();
        throw new IllegalStateException("s3proxy did not listen on " + port + " within " + timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
