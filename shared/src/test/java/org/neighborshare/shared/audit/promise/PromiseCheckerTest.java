package org.neighborshare.shared.audit.promise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.neighborshare.shared.audit.AuditEventType;
import org.neighborshare.shared.audit.AuditEventType.LogName;
import org.neighborshare.shared.audit.AuditFact;

class PromiseCheckerTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final String AGENCY = "5d1d0a6e-8f4b-4a52-9c55-7a1f3c2b9e01";
    static final String OTHER_AGENCY = "0b6f1c62-5f0e-4b58-a0a4-2f6f9b7b1c11";
    static final String REQUEST = "7c0e3b2a-1111-4a52-9c55-7a1f3c2b9e01";
    static final String OTHER_REQUEST = "7c0e3b2a-2222-4a52-9c55-7a1f3c2b9e01";
    static final String SHARE = "9a9a9a9a-1111-4a52-9c55-7a1f3c2b9e01";
    static final String CLIP = "aa".repeat(32);
    static final String OTHER_CLIP = "bb".repeat(32);
    static final Instant RETENTION_ENDS = T0.plus(Duration.ofDays(30));

    /** Three logs being written, one fact at a time. */
    static final class Logs {
        final List<LoggedFact> agency = new ArrayList<>();
        final List<LoggedFact> request = new ArrayList<>();
        final List<LoggedFact> consent = new ArrayList<>();

        Logs add(AuditFact fact) {
            List<LoggedFact> log = switch (fact.type().log()) {
                case AGENCY -> agency;
                case REQUEST -> request;
                case CONSENT -> consent;
            };
            log.add(new LoggedFact(fact.type().log(), log.size(), fact));
            return this;
        }

        long lastConsentIndex() {
            return consent.size() - 1;
        }

        PromiseReport check() {
            return new PromiseChecker().check(agency, request, consent);
        }

        PromiseReport check(Duration grace) {
            return new PromiseChecker(grace).check(agency, request, consent);
        }
    }

    static AuditFact fact(AuditEventType type, Instant at) {
        return AuditFact.of(type, at);
    }

    static AuditFact agency(AuditEventType type, String agency, Instant at) {
        return fact(type, at).with("agency", agency);
    }

    static AuditFact submitted(String request, String agency, Instant at) {
        return fact(AuditEventType.REQUEST_SUBMITTED, at)
                .with("request", request)
                .with("agency", agency)
                .with("incidentType", "BURGLARY")
                .with("emergency", "false");
    }

    static AuditFact shareCreated(String share, String request, String agency, List<String> clips, Instant ends) {
        return fact(AuditEventType.SHARE_CREATED, T0.plusSeconds(60))
                .with("share", share)
                .with("request", request)
                .with("agency", agency)
                .with("clips", clips)
                .with("owner", "c0".repeat(32))
                .with("retentionEnds", ends.toString());
    }

    static AuditFact shareCreated() {
        return shareCreated(SHARE, REQUEST, AGENCY, List.of(CLIP), RETENTION_ENDS);
    }

    static AuditFact revoked(String share, Instant at) {
        return fact(AuditEventType.SHARE_REVOKED, at)
                .with("share", share)
                .with("request", REQUEST)
                .with("agency", AGENCY)
                .with("clips", List.of(CLIP))
                .with("owner", "c0".repeat(32));
    }

    static AuditFact downloaded(Instant at) {
        return downloaded(SHARE, REQUEST, AGENCY, CLIP, at);
    }

    static AuditFact downloaded(String share, String request, String agency, String clip, Instant at) {
        return fact(AuditEventType.CLIP_DOWNLOADED, at)
                .with("share", share)
                .with("request", request)
                .with("agency", agency)
                .with("clip", clip)
                .with("downloader", "d0".repeat(32))
                .with("owner", "c0".repeat(32));
    }

    static AuditFact deletedAtRetention(Instant at, Instant ends) {
        AuditFact f = fact(AuditEventType.CLIP_DELETED, at)
                .with("clip", CLIP)
                .with("cause", "retention")
                .with("owner", "c0".repeat(32))
                .with("share", SHARE)
                .with("request", REQUEST);
        return ends == null ? f : f.with("retentionEnds", ends.toString());
    }

    /** An approved agency with a request; {@code consent} adds the consent log's entries. */
    static Logs world(UnaryOperator<Logs> consent) {
        Logs logs = new Logs()
                .add(agency(AuditEventType.AGENCY_APPLIED, AGENCY, T0.minus(Duration.ofDays(10)))
                        .with("agencyType", "POLICE"))
                .add(agency(AuditEventType.AGENCY_CHECKED, AGENCY, T0.minus(Duration.ofDays(9)))
                        .with("item", "JURISDICTION")
                        .with("reviewer", "r1"))
                .add(agency(AuditEventType.AGENCY_APPROVED, AGENCY, T0.minus(Duration.ofDays(8)))
                        .with("reviewer", "r2"))
                .add(agency(AuditEventType.MEMBER_ADDED, AGENCY, T0.minus(Duration.ofDays(7)))
                        .with("member", "m1")
                        .with("role", "investigator"))
                .add(submitted(REQUEST, AGENCY, T0));
        return consent.apply(logs);
    }

    static List<Promise> promises(PromiseReport report) {
        return report.findings().stream().map(Finding::promise).toList();
    }

    static void assertOnlyFinding(PromiseReport report, Promise promise, long consentIndex, String detailPart) {
        assertEquals(List.of(promise), promises(report), report.findings().toString());
        Finding finding = report.findings().get(0);
        assertEquals(LogName.CONSENT, finding.log());
        assertEquals(consentIndex, finding.index());
        assertTrue(finding.detail().contains(detailPart), finding.detail());
        assertEquals(1, report.unbackedDownloads());
    }

    // ---- everything kept ---------------------------------------------------------------------------------

    @Test
    void aDownloadOfASharedClipByTheApprovedAgencyWithinRetentionKeepsEveryPromise() {
        PromiseReport report = world(l -> l.add(shareCreated())
                        .add(downloaded(T0.plus(Duration.ofDays(1))))
                        .add(revoked(SHARE, T0.plus(Duration.ofDays(2))))
                        .add(deletedAtRetention(RETENTION_ENDS.plusSeconds(30), RETENTION_ENDS)))
                .check();
        assertTrue(report.kept(), report.findings().toString());
        assertEquals(1, report.downloadsChecked());
        assertEquals(0, report.unbackedDownloads());
        assertEquals(1, report.sharesSeen());
        assertEquals(1, report.revocationsSeen());
        assertEquals(1, report.retentionDeletionsChecked());
        assertEquals(3, report.agencyStateChanges()); // applied, in review, approved; a member changes nothing
    }

    @Test
    void emptyLogsKeepEveryPromise() {
        PromiseReport report = new PromiseChecker().check(List.of(), List.of(), List.of());
        assertTrue(report.kept());
        assertEquals(0, report.downloadsChecked());
    }

    @Test
    void aClipSharedInASecondShareIsBackedByThatShare() {
        String second = "9a9a9a9a-2222-4a52-9c55-7a1f3c2b9e01";
        PromiseReport report = world(l -> l.add(shareCreated())
                        .add(shareCreated(second, REQUEST, AGENCY, List.of(OTHER_CLIP, CLIP), RETENTION_ENDS))
                        .add(downloaded(second, REQUEST, AGENCY, CLIP, T0.plusSeconds(3600))))
                .check();
        assertTrue(report.kept(), report.findings().toString());
    }

    // ---- DOWNLOAD_HAS_A_SHARE ----------------------------------------------------------------------------

    @Test
    void aDownloadWithoutAnyShareIsFound() {
        Logs logs = world(l -> l.add(downloaded(T0.plusSeconds(3600))));
        assertOnlyFinding(logs.check(), Promise.DOWNLOAD_HAS_A_SHARE, 0, "no earlier share.created");
    }

    @Test
    void aShareLoggedAfterTheDownloadDoesNotBackIt() {
        Logs logs = world(l -> l.add(downloaded(T0.plusSeconds(3600))).add(shareCreated()));
        assertOnlyFinding(logs.check(), Promise.DOWNLOAD_HAS_A_SHARE, 0, "no earlier share.created");
    }

    @Test
    void aShareForAnotherRequestDoesNotBackTheDownload() {
        Logs logs = world(l -> l.add(submitted(OTHER_REQUEST, AGENCY, T0))
                .add(shareCreated(SHARE, OTHER_REQUEST, AGENCY, List.of(CLIP), RETENTION_ENDS))
                .add(downloaded(T0.plusSeconds(3600))));
        assertOnlyFinding(logs.check(), Promise.DOWNLOAD_HAS_A_SHARE, 1, "is for request " + OTHER_REQUEST);
    }

    @Test
    void aShareOfOtherClipsDoesNotBackTheDownloadOfThisOne() {
        Logs logs = world(l -> l.add(shareCreated(SHARE, REQUEST, AGENCY, List.of(OTHER_CLIP), RETENTION_ENDS))
                .add(downloaded(T0.plusSeconds(3600))));
        assertOnlyFinding(logs.check(), Promise.DOWNLOAD_HAS_A_SHARE, 1, "does not hold clip " + CLIP);
    }

    @Test
    void aSecondShareCreatedWithTheSameIdCannotWidenTheFirst() {
        Logs logs = world(l -> l.add(shareCreated())
                .add(shareCreated(SHARE, REQUEST, AGENCY, List.of(CLIP, OTHER_CLIP), RETENTION_ENDS))
                .add(downloaded(SHARE, REQUEST, AGENCY, OTHER_CLIP, T0.plusSeconds(3600))));
        assertOnlyFinding(logs.check(), Promise.DOWNLOAD_HAS_A_SHARE, 2, "does not hold clip " + OTHER_CLIP);
    }

    // ---- DOWNLOAD_BY_THE_SHARED_AGENCY -------------------------------------------------------------------

    @Test
    void aClipSharedWithOneAgencyAndDownloadedByAnotherIsFound() {
        Logs logs = world(l -> l.add(shareCreated(SHARE, REQUEST, OTHER_AGENCY, List.of(CLIP), RETENTION_ENDS))
                .add(downloaded(T0.plusSeconds(3600))));
        assertOnlyFinding(logs.check(), Promise.DOWNLOAD_BY_THE_SHARED_AGENCY, 1, "was made to agency " + OTHER_AGENCY);
    }

    @Test
    void aDownloadForARequestOfAnotherAgencyIsFound() {
        Logs logs = new Logs()
                .add(agency(AuditEventType.AGENCY_APPROVED, AGENCY, T0.minusSeconds(60)))
                .add(submitted(REQUEST, OTHER_AGENCY, T0))
                .add(shareCreated())
                .add(downloaded(T0.plusSeconds(3600)));
        assertOnlyFinding(logs.check(), Promise.DOWNLOAD_BY_THE_SHARED_AGENCY, 1, "is agency " + OTHER_AGENCY + "'s");
    }

    @Test
    void aDownloadForARequestThatIsNotInTheRequestLogIsFound() {
        Logs logs = new Logs()
                .add(agency(AuditEventType.AGENCY_APPROVED, AGENCY, T0.minusSeconds(60)))
                .add(shareCreated())
                .add(downloaded(T0.plusSeconds(3600)));
        assertOnlyFinding(logs.check(), Promise.DOWNLOAD_BY_THE_SHARED_AGENCY, 1, "has no request.submitted");
    }

    // ---- DOWNLOAD_BEFORE_REVOCATION ----------------------------------------------------------------------

    @Test
    void aDownloadAfterTheRevocationIsFound() {
        Logs logs = world(l ->
                l.add(shareCreated()).add(revoked(SHARE, T0.plusSeconds(100))).add(downloaded(T0.plusSeconds(3600))));
        assertOnlyFinding(logs.check(), Promise.DOWNLOAD_BEFORE_REVOCATION, 2, "revoked at entry 1");
    }

    @Test
    void theRevocationOfAnotherShareChangesNothing() {
        Logs logs = world(l -> l.add(shareCreated())
                .add(revoked("9a9a9a9a-3333-4a52-9c55-7a1f3c2b9e01", T0.plusSeconds(100)))
                .add(downloaded(T0.plusSeconds(3600))));
        assertTrue(logs.check().kept(), logs.check().findings().toString());
    }

    @Test
    void aRevocationIsOrderedByTheLogNotByItsClock() {
        // The revocation's clock says earlier, but the log put it after the download: the download was first.
        Logs logs = world(l ->
                l.add(shareCreated()).add(downloaded(T0.plusSeconds(3600))).add(revoked(SHARE, T0.plusSeconds(100))));
        assertTrue(logs.check().kept(), logs.check().findings().toString());
    }

    // ---- DOWNLOAD_WITHIN_RETENTION -----------------------------------------------------------------------

    @Test
    void aDownloadAtTheRetentionEndIsFoundAndOneMillisecondBeforeIsNot() {
        Logs late = world(l -> l.add(shareCreated()).add(downloaded(RETENTION_ENDS)));
        assertOnlyFinding(late.check(), Promise.DOWNLOAD_WITHIN_RETENTION, 1, "retention ended " + RETENTION_ENDS);
        Logs inTime = world(l -> l.add(shareCreated()).add(downloaded(RETENTION_ENDS.minusMillis(1))));
        assertTrue(inTime.check().kept(), inTime.check().findings().toString());
    }

    // ---- DOWNLOAD_BY_AN_APPROVED_AGENCY ------------------------------------------------------------------

    @Test
    void anAgencyThatIsNotInTheAgencyLogWasNeverApproved() {
        Logs logs = new Logs()
                .add(submitted(REQUEST, AGENCY, T0))
                .add(shareCreated())
                .add(downloaded(T0.plusSeconds(3600)));
        assertOnlyFinding(logs.check(), Promise.DOWNLOAD_BY_AN_APPROVED_AGENCY, 1, "has no state in the agency log");
    }

    @Test
    void anAgencyThatOnlyAppliedOrIsInReviewIsNotApproved() {
        Logs applied = new Logs()
                .add(agency(AuditEventType.AGENCY_APPLIED, AGENCY, T0.minusSeconds(60)))
                .add(submitted(REQUEST, AGENCY, T0))
                .add(shareCreated())
                .add(downloaded(T0.plusSeconds(3600)));
        assertOnlyFinding(applied.check(), Promise.DOWNLOAD_BY_AN_APPROVED_AGENCY, 1, "was APPLIED");
        applied.add(agency(AuditEventType.AGENCY_CHECKED, AGENCY, T0.minusSeconds(10))
                .with("item", "JURISDICTION"));
        assertOnlyFinding(applied.check(), Promise.DOWNLOAD_BY_AN_APPROVED_AGENCY, 1, "was IN_REVIEW");
    }

    @Test
    void eachStateThatIsNotApprovedBreaksThePromiseAndReinstatementRestoresIt() {
        for (AuditEventType change : List.of(
                AuditEventType.AGENCY_SUSPENDED,
                AuditEventType.AGENCY_REVOKED,
                AuditEventType.AGENCY_EXPIRED,
                AuditEventType.AGENCY_REJECTED,
                AuditEventType.AGENCY_REVETTING)) {
            Logs logs = world(l -> l.add(shareCreated())
                    .add(agency(change, AGENCY, T0.plusSeconds(1000)).with("reason", "test"))
                    .add(downloaded(T0.plusSeconds(3600))));
            PromiseReport report = logs.check();
            assertOnlyFinding(report, Promise.DOWNLOAD_BY_AN_APPROVED_AGENCY, 1, "agency log entry 4");
        }
        Logs reinstated = world(l -> l.add(shareCreated())
                .add(agency(AuditEventType.AGENCY_SUSPENDED, AGENCY, T0.plusSeconds(1000))
                        .with("reason", "x"))
                .add(agency(AuditEventType.AGENCY_REINSTATED, AGENCY, T0.plusSeconds(2000)))
                .add(downloaded(T0.plusSeconds(3600))));
        assertTrue(reinstated.check().kept(), reinstated.check().findings().toString());
    }

    @Test
    void aSuspensionAfterTheDownloadChangesNothingAndOneInTheSameMillisecondCounts() {
        Logs after = world(l -> l.add(shareCreated())
                .add(downloaded(T0.plusSeconds(3600)))
                .add(agency(
                        AuditEventType.AGENCY_SUSPENDED,
                        AGENCY,
                        T0.plusSeconds(3600).plusMillis(1))));
        assertTrue(after.check().kept(), after.check().findings().toString());
        Logs same = world(l -> l.add(shareCreated())
                .add(agency(AuditEventType.AGENCY_SUSPENDED, AGENCY, T0.plusSeconds(3600)))
                .add(downloaded(T0.plusSeconds(3600))));
        assertOnlyFinding(same.check(), Promise.DOWNLOAD_BY_AN_APPROVED_AGENCY, 1, "was SUSPENDED");
    }

    @Test
    void anApprovalLoggedAfterTheDownloadDoesNotCountBackwards() {
        Logs logs = new Logs()
                .add(agency(AuditEventType.AGENCY_APPLIED, AGENCY, T0.minusSeconds(60)))
                .add(submitted(REQUEST, AGENCY, T0))
                .add(shareCreated())
                .add(downloaded(T0.plusSeconds(3600)))
                .add(agency(AuditEventType.AGENCY_APPROVED, AGENCY, T0.plusSeconds(7200)));
        assertOnlyFinding(logs.check(), Promise.DOWNLOAD_BY_AN_APPROVED_AGENCY, 1, "was APPLIED");
    }

    @Test
    void anotherAgencysApprovalDoesNotApproveThisOne() {
        Logs logs = new Logs()
                .add(agency(AuditEventType.AGENCY_APPROVED, OTHER_AGENCY, T0.minusSeconds(60)))
                .add(submitted(REQUEST, AGENCY, T0))
                .add(shareCreated())
                .add(downloaded(T0.plusSeconds(3600)));
        assertOnlyFinding(logs.check(), Promise.DOWNLOAD_BY_AN_APPROVED_AGENCY, 1, "has no state");
    }

    // ---- several broken at once, and the count ----------------------------------------------------------

    @Test
    void aDownloadBreakingSeveralPromisesIsOneUnbackedDownloadWithEachFinding() {
        Logs logs = world(l -> l.add(shareCreated(SHARE, REQUEST, AGENCY, List.of(OTHER_CLIP), RETENTION_ENDS))
                .add(revoked(SHARE, T0.plusSeconds(100)))
                .add(agency(AuditEventType.AGENCY_SUSPENDED, AGENCY, T0.plusSeconds(200)))
                .add(downloaded(RETENTION_ENDS.plusSeconds(1)))
                .add(downloaded(T0.plusSeconds(50))));
        PromiseReport report = logs.check();
        assertEquals(
                List.of(
                        Promise.DOWNLOAD_HAS_A_SHARE,
                        Promise.DOWNLOAD_BEFORE_REVOCATION,
                        Promise.DOWNLOAD_WITHIN_RETENTION,
                        Promise.DOWNLOAD_BY_AN_APPROVED_AGENCY,
                        Promise.DOWNLOAD_HAS_A_SHARE,
                        Promise.DOWNLOAD_BEFORE_REVOCATION),
                promises(report));
        assertEquals(2, report.downloadsChecked());
        assertEquals(2, report.unbackedDownloads());
        assertTrue(report.findings().stream().allMatch(f -> f.index() == 2 || f.index() == 3));
    }

    // ---- DELETION_AT_RETENTION_ON_TIME -------------------------------------------------------------------

    @Test
    void aDeletionAtRetentionWithinTheGraceKeepsThePromiseAndOneMillisecondLaterBreaksIt() {
        Instant deadline = RETENTION_ENDS.plus(PromiseChecker.DEFAULT_RETENTION_GRACE);
        Logs onTime = world(l -> l.add(shareCreated()).add(deletedAtRetention(deadline, RETENTION_ENDS)));
        assertTrue(onTime.check().kept(), onTime.check().findings().toString());
        Logs late = world(l -> l.add(shareCreated()).add(deletedAtRetention(deadline.plusMillis(1), RETENTION_ENDS)));
        PromiseReport report = late.check();
        assertEquals(List.of(Promise.DELETION_AT_RETENTION_ON_TIME), promises(report));
        assertEquals(1, report.findings().get(0).index());
        assertTrue(
                report.findings().get(0).detail().contains("PT0.001S late"),
                report.findings().toString());
        assertEquals(0, report.unbackedDownloads());
    }

    @Test
    void theGraceIsConfigurable() {
        Logs logs = world(l -> l.add(shareCreated())
                .add(deletedAtRetention(RETENTION_ENDS.plus(Duration.ofMinutes(10)), RETENTION_ENDS)));
        assertTrue(logs.check().kept());
        assertEquals(List.of(Promise.DELETION_AT_RETENTION_ON_TIME), promises(logs.check(Duration.ofMinutes(5))));
        assertThrows(IllegalArgumentException.class, () -> new PromiseChecker(Duration.ofSeconds(-1)));
    }

    @Test
    void aDeletionWithoutItsRetentionDateIsJudgedByItsShare() {
        Logs late = world(
                l -> l.add(shareCreated()).add(deletedAtRetention(RETENTION_ENDS.plus(Duration.ofDays(1)), null)));
        assertEquals(List.of(Promise.DELETION_AT_RETENTION_ON_TIME), promises(late.check()));
        Logs unknown = world(l -> l.add(deletedAtRetention(RETENTION_ENDS, null)));
        assertEquals(List.of(Promise.ENTRY_IS_COMPLETE), promises(unknown.check()));
        assertTrue(unknown.check().findings().get(0).detail().contains("'retentionEnds'"));
    }

    @Test
    void deletionsForOtherCausesAreNotHeldToTheRetentionDate() {
        for (String cause : List.of("unshared", "revoked")) {
            Logs logs = world(l -> l.add(shareCreated())
                    .add(fact(AuditEventType.CLIP_DELETED, RETENTION_ENDS.plus(Duration.ofDays(5)))
                            .with("clip", CLIP)
                            .with("cause", cause)
                            .with("owner", "c0".repeat(32))));
            PromiseReport report = logs.check();
            assertTrue(report.kept(), report.findings().toString());
            assertEquals(0, report.retentionDeletionsChecked());
        }
    }

    // ---- ENTRY_IS_COMPLETE -------------------------------------------------------------------------------

    @Test
    void aDownloadMissingAnAttributeIsAnUnbackedDownload() {
        for (String missing : List.of("share", "request", "agency", "clip")) {
            AuditFact download = fact(AuditEventType.CLIP_DOWNLOADED, T0.plusSeconds(3600));
            for (String key : List.of("share", "request", "agency", "clip")) {
                if (!key.equals(missing)) {
                    download = download.with(
                            key,
                            key.equals("share")
                                    ? SHARE
                                    : key.equals("request") ? REQUEST : key.equals("agency") ? AGENCY : CLIP);
                }
            }
            AuditFact finalDownload = download;
            Logs logs = world(l -> l.add(shareCreated()).add(finalDownload));
            assertOnlyFinding(logs.check(), Promise.ENTRY_IS_COMPLETE, 1, "no '" + missing + "'");
        }
    }

    @Test
    void anEmptyAttributeCountsAsMissing() {
        Logs logs = world(l -> l.add(shareCreated()).add(downloaded(SHARE, REQUEST, AGENCY, "", T0.plusSeconds(60))));
        assertOnlyFinding(logs.check(), Promise.ENTRY_IS_COMPLETE, 1, "no 'clip'");
    }

    @Test
    void aShareWithoutClipsOrWithAMalformedRetentionDateIsFoundAndBacksNothing() {
        Logs noClips = world(l -> l.add(shareCreated(SHARE, REQUEST, AGENCY, List.of(), RETENTION_ENDS)));
        assertEquals(List.of(Promise.ENTRY_IS_COMPLETE), promises(noClips.check()));
        AuditFact badDate = shareCreated().with("retentionEnds", "next tuesday");
        Logs logs = world(l -> l.add(badDate));
        assertEquals(List.of(Promise.ENTRY_IS_COMPLETE), promises(logs.check()));
        assertTrue(logs.check().findings().get(0).detail().contains("next tuesday"));
    }

    @Test
    void anAgencyFactWithoutItsAgencyIsFoundInTheAgencyLog() {
        Logs logs = world(l -> l.add(fact(AuditEventType.AGENCY_SUSPENDED, T0).with("reason", "x")));
        PromiseReport report = logs.check();
        assertEquals(List.of(Promise.ENTRY_IS_COMPLETE), promises(report));
        assertEquals(LogName.AGENCY, report.findings().get(0).log());
        assertEquals(4, report.findings().get(0).index());
    }

    // ---- input -------------------------------------------------------------------------------------------

    @Test
    void entriesOfAnotherLogOrOutOfOrderAreRefused() {
        Logs logs = world(l -> l.add(shareCreated()));
        PromiseChecker checker = new PromiseChecker();
        assertThrows(IllegalArgumentException.class, () -> checker.check(logs.consent, logs.request, logs.consent));
        List<LoggedFact> reversed = new ArrayList<>(logs.agency);
        java.util.Collections.reverse(reversed);
        assertThrows(IllegalArgumentException.class, () -> checker.check(reversed, logs.request, logs.consent));
        assertThrows(IllegalArgumentException.class, () -> new LoggedFact(LogName.AGENCY, 0, shareCreated()));
    }

    @Test
    void aFindingSaysWhichLogWhichEntryAndWhichPromise() {
        Logs logs = world(l -> l.add(shareCreated()).add(downloaded(RETENTION_ENDS.plusSeconds(5))));
        String line = logs.check().findings().get(0).describe();
        assertTrue(line.startsWith("consent log, entry 1: DOWNLOAD_WITHIN_RETENTION ("), line);
        assertTrue(line.contains(Promise.DOWNLOAD_WITHIN_RETENTION.statement()), line);
    }
}
