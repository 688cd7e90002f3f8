package org.neighborshare.e2e;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.audit.Checkpoint;
import org.neighborshare.shared.audit.SignedNote;
import org.neighborshare.verifier.Main;

/** The public logs as anyone reads them through the gateway, and the verifier run against the suite. */
public final class PublicLog {

    private PublicLog() {}

    /** The size of the log's latest checkpoint. */
    public static long size(String log) {
        byte[] note = Gateway.anonymous()
                .get("/api/public/logs/" + log + "/checkpoint")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        return Checkpoint.parse(SignedNote.parse(note).text()).size();
    }

    /** Every fact of the log up to its latest checkpoint, in order. */
    public static List<AuditFact> facts(String log) {
        long size = size(log);
        List<AuditFact> facts = new ArrayList<>();
        for (long start = 0; start < size; start += 1000) {
            JsonPath page = Gateway.anonymous()
                    .queryParam("start", start)
                    .queryParam("limit", Math.min(1000, size - start))
                    .get("/api/public/logs/" + log + "/entries")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            for (String entry : page.getList("entry", String.class)) {
                facts.add(AuditFact.parse(Base64.getDecoder().decode(entry)));
            }
        }
        return facts;
    }

    /** What a verifier run printed and its exit status. */
    public record Run(int status, String output) {}

    /** Runs the verifier (the command's own entry point) against the suite with this state file. */
    public static Run verify(Path state) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = Main.run(
                new String[] {"--url", RunningSuite.config().gatewayUrl(), "--state", state.toString()}, print, print);
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }
}
