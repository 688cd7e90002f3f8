package org.neighborshare.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neighborshare.shared.audit.AuditEventType.LogName;
import org.neighborshare.shared.audit.Checkpoint;
import org.neighborshare.shared.audit.InvalidNoteException;
import org.neighborshare.shared.audit.MerkleTree;
import org.neighborshare.shared.audit.store.SigningKeys;

class MainTest {

    @TempDir
    Path dir;

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhy() {
        assertEquals(0, run("--help"));
        assertEquals(2, run("--bogus", "x"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --bogus"));
        assertEquals(2, run("--url"));
        assertEquals(2, run("--url", "file:///etc/passwd"));
        assertEquals(2, run("--grace", "soon"));
        assertEquals(2, run("--key", "not-a-vkey"));
    }

    @Test
    void theDefaultKeysAreTheLocalDemoKeysOfEachLog() {
        TrustedKeys demo = TrustedKeys.localDemo("neighborshare.example");
        assertTrue(demo.demo());
        for (LogName log : LogName.values()) {
            String origin = log.origin("neighborshare.example");
            byte[] note = Checkpoint.of(origin, 0, MerkleTree.emptyRoot())
                    .sign(SigningKeys.signer(origin, SigningKeys.localDemoKey(log.path())));
            assertEquals(origin, demo.verify(note).key().name());
        }
        byte[] forged = Checkpoint.of("neighborshare.example/agency-service", 0, MerkleTree.emptyRoot())
                .sign(org.neighborshare.shared.audit.NoteSigner.generate("neighborshare.example/agency-service"));
        assertThrows(InvalidNoteException.class, () -> demo.verify(forged));
    }

    @Test
    void anUnreachableDeploymentFailsWithExitOne() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            int status = run(
                    "--url",
                    "http://127.0.0.1:" + server.getAddress().getPort(),
                    "--state",
                    dir.resolve("s.json").toString());
            assertEquals(1, status);
            String text = out.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("LOCAL DEMO keys"), text);
            assertTrue(text.contains("FAILED agency log: READ"), text);
        } finally {
            server.stop(0);
        }
    }
}
