package org.neighborshare.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neighborshare.shared.audit.AuditEventType;
import org.neighborshare.shared.audit.AuditEventType.LogName;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.audit.NoteSigner;
import org.neighborshare.shared.audit.promise.Promise;
import org.neighborshare.shared.audit.promise.PromiseChecker;

class VerifierTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final String AGENCY = "5d1d0a6e-8f4b-4a52-9c55-7a1f3c2b9e01";
    static final String REQUEST = "7c0e3b2a-1111-4a52-9c55-7a1f3c2b9e01";
    static final String SHARE = "9a9a9a9a-1111-4a52-9c55-7a1f3c2b9e01";
    static final String CLIP = "aa".repeat(32);

    @TempDir
    Path dir;

    NoteSigner signer = NoteSigner.generate("neighborshare.example/audit-test");
    FakeLogServer server;
    Path stateFile;
    String output;

    @BeforeEach
    void deployment() {
        stateFile = dir.resolve("state.json");
        server = new FakeLogServer(signer);
        server.append(AuditFact.of(AuditEventType.AGENCY_APPLIED, T0)
                        .with("agency", AGENCY)
                        .with("agencyType", "POLICE"))
                .append(AuditFact.of(AuditEventType.AGENCY_APPROVED, T0.plusSeconds(10))
                        .with("agency", AGENCY)
                        .with("reviewer", "r1"))
                .append(AuditFact.of(AuditEventType.REQUEST_SUBMITTED, T0.plusSeconds(20))
                        .with("request", REQUEST)
                        .with("agency", AGENCY)
                        .with("incidentType", "BURGLARY")
                        .with("emergency", "false"))
                .append(share(T0.plusSeconds(30)));
        for (int i = 0; i < 6; i++) {
            server.append(download(T0.plusSeconds(40 + i)));
        }
    }

    static AuditFact share(Instant at) {
        return AuditFact.of(AuditEventType.SHARE_CREATED, at)
                .with("share", SHARE)
                .with("request", REQUEST)
                .with("agency", AGENCY)
                .with("clips", List.of(CLIP))
                .with("owner", "c0".repeat(32))
                .with("retentionEnds", T0.plus(Duration.ofDays(30)).toString());
    }

    static AuditFact download(Instant at) {
        return AuditFact.of(AuditEventType.CLIP_DOWNLOADED, at)
                .with("share", SHARE)
                .with("request", REQUEST)
                .with("agency", AGENCY)
                .with("clip", CLIP)
                .with("downloader", "d0".repeat(32))
                .with("owner", "c0".repeat(32));
    }

    Verifier.Outcome verify() {
        return verify(new TrustedKeys(List.of(signer.verifierKey()), false));
    }

    Verifier.Outcome verify(TrustedKeys keys) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Verifier.Outcome outcome = new Verifier(
                        server,
                        keys,
                        SeenCheckpoints.load(stateFile),
                        FakeLogServer.DOMAIN,
                        PromiseChecker.DEFAULT_RETENTION_GRACE,
                        out)
                .run();
        output = bytes.toString(StandardCharsets.UTF_8);
        return outcome;
    }

    List<String> checks(Verifier.Outcome outcome) {
        return outcome.problems().stream().map(Problem::check).toList();
    }

    @Test
    void anHonestLogPassesAndItsCheckpointsAreRemembered() {
        Verifier.Outcome first = verify();
        assertTrue(first.passed(), output);
        assertTrue(output.contains("RESULT: PASSED"), output);
        assertTrue(output.contains("consent log (neighborshare.example/consent-service)"), output);
        assertTrue(output.contains("6 clip downloads checked"), output);
        assertTrue(Files.exists(stateFile));
        server.append(download(T0.plusSeconds(100)));
        Verifier.Outcome second = verify();
        assertTrue(second.passed(), output);
        assertTrue(output.contains("consistency proof 7 -> 8"), output);
        assertEquals(
                8,
                SeenCheckpoints.load(stateFile)
                        .last(LogName.CONSENT.origin(FakeLogServer.DOMAIN))
                        .orElseThrow()
                        .size());
    }

    @Test
    void oneChangedByteNamesThatEntry() {
        verify();
        byte[] entry = server.entries.get(LogName.CONSENT).get(4).clone();
        String text = new String(entry, StandardCharsets.UTF_8).replace("\"d0d0", "\"d0d1");
        server.rewrite(LogName.CONSENT, 4, text.getBytes(StandardCharsets.UTF_8), false);
        Verifier.Outcome outcome = verify();
        assertFalse(outcome.passed());
        Problem leaf = outcome.problems().get(0);
        assertEquals(LogName.CONSENT, leaf.log());
        assertEquals(4, leaf.index());
        assertEquals(Problem.LEAF_HASH, leaf.check());
        assertTrue(checks(outcome).contains(Problem.ROOT), outcome.problems().toString());
        assertTrue(output.contains("FAILED consent log, entry 4: LEAF_HASH"), output);
    }

    @Test
    void aChangedEntryWhoseLeafHashWasRestatedStillBreaksTheSignedRoot() {
        verify();
        byte[] entry = server.entries.get(LogName.AGENCY).get(1);
        String text = new String(entry, StandardCharsets.UTF_8).replace("\"r1\"", "\"r9\"");
        // The operator rewrites the stated hash too, but the signed checkpoint is the old one.
        byte[] oldNote = server.checkpoint(LogName.AGENCY);
        server.rewrite(LogName.AGENCY, 1, text.getBytes(StandardCharsets.UTF_8), true);
        server.pin(LogName.AGENCY, oldNote);
        Verifier.Outcome outcome = verify();
        assertEquals(List.of(Problem.ROOT), checks(outcome), outcome.problems().toString());
    }

    @Test
    void removedLastEntriesAreFoundAgainstTheCheckpointAndAgainstTheOneSeenBefore() {
        verify();
        byte[] note = server.checkpoint(LogName.CONSENT);
        // The operator deletes the last two entries; its last signed checkpoint still says 10.
        List<byte[]> e = server.entries.get(LogName.CONSENT);
        List<byte[]> h = server.stated.get(LogName.CONSENT);
        e.subList(5, 7).clear();
        h.subList(5, 7).clear();
        server.pin(LogName.CONSENT, note);
        Verifier.Outcome outcome = verify();
        assertEquals(
                List.of(Problem.ENTRIES), checks(outcome), outcome.problems().toString());
        assertEquals(5, outcome.problems().get(0).index());
        // Then it grows the log past the old size and signs the new history.
        server.pinned.clear();
        for (int i = 0; i < 4; i++) {
            server.append(download(T0.plusSeconds(200 + i)));
        }
        Verifier.Outcome regrown = verify();
        assertTrue(
                checks(regrown).contains(Problem.CONSISTENCY),
                regrown.problems().toString());
        assertTrue(output.contains("consistency proof to 9 FAILED"), output);
    }

    @Test
    void twoSwappedEntriesAreDetected() {
        verify();
        byte[] note = server.checkpoint(LogName.REQUEST);
        server.append(AuditFact.of(AuditEventType.REQUEST_PUBLISHED, T0.plusSeconds(25))
                .with("request", REQUEST)
                .with("agency", AGENCY)
                .with("reviewer", "r1")
                .with("emergency", "false")
                .with("submittedAt", T0.plusSeconds(20).toString()));
        note = server.checkpoint(LogName.REQUEST);
        verify();
        List<byte[]> e = server.entries.get(LogName.REQUEST);
        List<byte[]> h = server.stated.get(LogName.REQUEST);
        java.util.Collections.swap(e, 0, 1);
        java.util.Collections.swap(h, 0, 1);
        server.pin(LogName.REQUEST, note);
        Verifier.Outcome outcome = verify();
        assertEquals(List.of(Problem.ROOT), checks(outcome), outcome.problems().toString());
        assertEquals(LogName.REQUEST, outcome.problems().get(0).log());
    }

    @Test
    void aSmallerTreeAfterALargerOneIsAForkAndTheLargerOneIsKept() {
        verify();
        server.pin(LogName.CONSENT, server.sign(LogName.CONSENT, 5));
        Verifier.Outcome outcome = verify();
        assertTrue(checks(outcome).contains(Problem.FORK), outcome.problems().toString());
        assertTrue(output.contains("SMALLER, a fork"), output);
        assertEquals(
                7,
                SeenCheckpoints.load(stateFile)
                        .last(LogName.CONSENT.origin(FakeLogServer.DOMAIN))
                        .orElseThrow()
                        .size());
        // Still a fork on the next run: the state file kept the larger tree.
        assertTrue(checks(verify()).contains(Problem.FORK));
    }

    @Test
    void theSameSizeWithAnotherRootIsAFork() {
        verify();
        server.rewrite(LogName.CONSENT, 6, download(T0.plusSeconds(999)).toEntry(), true);
        Verifier.Outcome outcome = verify();
        assertTrue(checks(outcome).contains(Problem.FORK), outcome.problems().toString());
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused() throws Exception {
        NoteSigner other = NoteSigner.generate("neighborshare.example/audit-test");
        Verifier.Outcome outcome = verify(new TrustedKeys(List.of(other.verifierKey()), false));
        assertEquals(List.of(Problem.SIGNATURE, Problem.SIGNATURE, Problem.SIGNATURE), checks(outcome));
        assertTrue(output.contains("promises: not checked"), output);
        assertFalse(Files.readString(stateFile, StandardCharsets.UTF_8).contains("consent-service\" : {"));
    }

    @Test
    void aCheckpointOfAnotherLogIsRefused() {
        server.pin(LogName.AGENCY, server.sign(LogName.CONSENT, 3));
        assertEquals(Problem.SIGNATURE, verify().problems().get(0).check());
        assertTrue(output.contains("names the log neighborshare.example/consent-service"), output);
    }

    @Test
    void aDownloadWithoutAShareForcedInWithCorrectHashesFailsItsPromiseNamingTheEntry() {
        server.append(AuditFact.of(AuditEventType.CLIP_DOWNLOADED, T0.plusSeconds(500))
                .with("share", "9a9a9a9a-ffff-4a52-9c55-7a1f3c2b9e01")
                .with("request", REQUEST)
                .with("agency", AGENCY)
                .with("clip", "ee".repeat(32))
                .with("downloader", "d0".repeat(32))
                .with("owner", "c1".repeat(32)));
        Verifier.Outcome outcome = verify();
        assertEquals(
                List.of(Promise.DOWNLOAD_HAS_A_SHARE.name()),
                checks(outcome),
                outcome.problems().toString());
        assertEquals(7, outcome.problems().get(0).index());
        assertEquals(1, outcome.promises().orElseThrow().unbackedDownloads());
        assertTrue(output.contains("FAILED consent log, entry 7: DOWNLOAD_HAS_A_SHARE"), output);
        assertTrue(output.contains("1 not backed by a valid share"), output);
    }

    @Test
    void anEntryThatIsNotACanonicalFactIsNamed() {
        server.rewrite(
                LogName.AGENCY,
                0,
                "{\"type\":\"agency.applied\", \"at\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                true);
        Verifier.Outcome outcome = verify();
        assertEquals(Problem.ENTRY_FORMAT, outcome.problems().get(0).check());
        assertEquals(0, outcome.problems().get(0).index());
    }

    @Test
    void anEntryServedOutOfPlaceIsNamed() {
        LogServer shifted = new LogServer() {
            @Override
            public byte[] checkpoint(LogName log) {
                return server.checkpoint(log);
            }

            @Override
            public List<byte[]> consistencyProof(LogName log, long from, long to) {
                return server.consistencyProof(log, from, to);
            }

            @Override
            public List<LoggedEntry> entries(LogName log, long start, int limit) {
                return server.entries(log, start, limit).stream()
                        .map(e -> new LoggedEntry(e.index() == 2 ? 7 : e.index(), e.leafHash(), e.entry()))
                        .toList();
            }

            @Override
            public int pageSize() {
                return server.pageSize();
            }
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Verifier.Outcome outcome = new Verifier(
                        shifted,
                        new TrustedKeys(List.of(signer.verifierKey()), false),
                        SeenCheckpoints.load(stateFile),
                        FakeLogServer.DOMAIN,
                        Duration.ofHours(1),
                        new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run();
        assertTrue(
                outcome.problems().stream().anyMatch(p -> p.check().equals(Problem.ENTRIES) && p.index() == 2),
                outcome.problems().toString());
    }
}
