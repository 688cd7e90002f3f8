package org.neighborshare.consent.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.neighborshare.consent.agency.AgencyDirectory;
import org.neighborshare.consent.agency.AgencyStanding;
import org.neighborshare.consent.domain.AnswerChoice;
import org.neighborshare.consent.domain.Clip;
import org.neighborshare.consent.domain.InboxItem;
import org.neighborshare.consent.domain.PublishedRequest;
import org.neighborshare.consent.domain.RequestPseudonym;
import org.neighborshare.consent.domain.Share;
import org.neighborshare.consent.domain.ShareClip;
import org.neighborshare.shared.problem.Problem;
import org.neighborshare.shared.problem.ProblemException;

/** Owners' answers to requests, their shares, and revocation. */
@ApplicationScoped
public class ShareService {

    @Inject
    Clock clock;

    @Inject
    AgencyDirectory agencies;

    @Inject
    PublicConsentLog log;

    /** A share with its clips. */
    public record ShareWithClips(Share share, List<UUID> clipIds) {}

    /** The outcome of an answer: the inbox item as now answered, and the new share for SHARE. */
    public record Answered(InboxItem item, ShareWithClips share) {}

    /** The outcome of a revocation. */
    public record Revoked(Share share, boolean agencyHadDownloaded) {}

    @Transactional
    public Answered answer(String ownerId, UUID requestId, Answer in) {
        List<UUID> clipIds = in.clipIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(in.clipIds()));
        int retention = in.retentionDays() == null ? Share.DEFAULT_RETENTION_DAYS : in.retentionDays();
        validateShape(in, clipIds, retention);

        InboxItem item = InboxItem.find("ownerId = ?1 and requestId = ?2", ownerId, requestId)
                .firstResult();
        if (item == null) {
            throw ProblemException.notFound("request " + requestId + " in your inbox");
        }
        // The agency's standing is read before any lock is taken (it may be an HTTP call); a request that has
        // ended needs no directory to be refused.
        PublishedRequest seen = PublishedRequest.findById(requestId);
        AgencyStanding agency = seen.openAt(Times.now(clock))
                ? agencies.standing(seen.agencyId)
                : AgencyStanding.unknown(seen.agencyId);
        // The lock serialises answers to one request: pseudonym numbers are handed out one at a time, and of
        // simultaneous answers each sees what the ones before it stored.
        PublishedRequest request = seen;
        Panache.getEntityManager().refresh(request, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Times.now(clock);
        String refusal = Answerability.refusal(request, agency, now);
        if (refusal != null) {
            throw ProblemException.conflict("request " + requestId + " cannot be answered now: " + refusal);
        }

        if (in.choice() == AnswerChoice.DECLINE) {
            long active = Share.count("ownerId = ?1 and requestId = ?2 and revokedAt is null", ownerId, requestId);
            if (active > 0) {
                throw ProblemException.conflict("you shared clips for this request: revoke the share instead");
            }
            item.response = AnswerChoice.DECLINE.name();
            item.respondedAt = now;
            return new Answered(item, null);
        }

        List<Clip> clips = clipsToShare(ownerId, clipIds, request);
        refuseAlreadyShared(ownerId, requestId, clipIds);
        RequestPseudonym pseudonym = RequestPseudonym.forOwner(requestId, ownerId);
        Share s = new Share();
        s.id = UUID.randomUUID();
        s.requestId = requestId;
        s.ownerId = ownerId;
        s.agencyId = request.agencyId;
        s.pseudonym = pseudonym.label();
        s.retentionDays = retention;
        s.allowCopies = Boolean.TRUE.equals(in.allowCopies());
        s.createdAt = now;
        s.expiresAt = now.plus(Duration.ofDays(retention));
        s.persist();
        for (Clip c : clips) {
            ShareClip.of(s.id, c.id).persist();
        }
        log.shared(s, clips);
        item.response = AnswerChoice.SHARE.name();
        item.respondedAt = now;
        return new Answered(item, new ShareWithClips(s, clipIds));
    }

    private static void validateShape(Answer in, List<UUID> clipIds, int retention) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (in.choice() == AnswerChoice.SHARE) {
            if (clipIds.isEmpty()) {
                errors.add(new Problem.FieldError("clipIds", "name at least one clip to share"));
            }
            if (retention < 1) {
                errors.add(new Problem.FieldError("retentionDays", "must be at least 1"));
            } else if (retention > Share.MAX_RETENTION_DAYS) {
                errors.add(new Problem.FieldError("retentionDays", "must be at most " + Share.MAX_RETENTION_DAYS));
            }
        } else {
            if (!clipIds.isEmpty()) {
                errors.add(new Problem.FieldError("clipIds", "a decline shares no clips"));
            }
            if (in.retentionDays() != null) {
                errors.add(new Problem.FieldError("retentionDays", "a decline has no retention"));
            }
            if (in.allowCopies() != null) {
                errors.add(new Problem.FieldError("allowCopies", "a decline has no copies"));
            }
        }
        fail(errors);
    }

    /**
     * The caller's clips, locked against a concurrent retention deletion, each recorded within the window by one
     * of the owner's cameras the request was delivered for (recorded at delivery: a camera paused or deleted since
     * still counts, one registered since was never asked).
     */
    private static List<Clip> clipsToShare(String ownerId, List<UUID> clipIds, PublishedRequest request) {
        Set<UUID> asked = InboxItem.askedCameras(request.requestId, ownerId);
        // Locked in id order, as retention locks them, so two answers naming the same clips cannot deadlock.
        clipIds.stream().sorted().forEach(id -> Clip.findById(id, LockModeType.PESSIMISTIC_WRITE));
        List<Clip> clips = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < clipIds.size(); i++) {
            UUID id = clipIds.get(i);
            Clip c = Clip.findById(id);
            if (c == null || !c.ownerId.equals(ownerId)) {
                throw ProblemException.notFound("clip " + id);
            }
            String field = "clipIds[" + i + "]";
            if (c.deletedAt != null) {
                errors.add(new Problem.FieldError(field, "clip " + id + " was deleted"));
            } else if (!asked.contains(c.cameraId)) {
                errors.add(
                        new Problem.FieldError(
                                field,
                                "clip " + id + " is from a camera this request was not "
                                        + "sent for: only clips of your cameras in the request's area when it arrived can be shared"));
            } else if (c.recordedAt.isBefore(request.windowStart) || !c.recordedAt.isBefore(request.windowEnd)) {
                errors.add(new Problem.FieldError(
                        field,
                        "clip " + id + " was not recorded within the request's window " + request.windowStart + " to "
                                + request.windowEnd));
            }
            clips.add(c);
        }
        fail(errors);
        return clips;
    }

    /**
     * A clip already given by one of the owner's shares for the request (not revoked) is not shared again: a
     * repeated or simultaneous answer makes no second share. The caller holds the request's lock.
     */
    private static void refuseAlreadyShared(String ownerId, UUID requestId, List<UUID> clipIds) {
        List<UUID> already = Panache.getEntityManager()
                .createQuery("""
                select sc.clipId from Share s, ShareClip sc
                where sc.shareId = s.id and s.ownerId = :owner and s.requestId = :request
                  and s.revokedAt is null and sc.clipId in :clips""", UUID.class)
                .setParameter("owner", ownerId)
                .setParameter("request", requestId)
                .setParameter("clips", clipIds)
                .getResultList();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < clipIds.size(); i++) {
            if (already.contains(clipIds.get(i))) {
                errors.add(new Problem.FieldError(
                        "clipIds[" + i + "]", "clip " + clipIds.get(i) + " is already shared for this request"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.conflictingFields(errors);
        }
    }

    private static void fail(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    /**
     * Revocation is always allowed and always stops further downloads; the result says whether the agency had
     * already downloaded (then it may hold what it downloaded). Revoking twice keeps the first time.
     */
    @Transactional
    public Revoked revoke(String ownerId, UUID shareId) {
        Share s = Share.findById(shareId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null || !s.ownerId.equals(ownerId)) {
            throw ProblemException.notFound("share " + shareId);
        }
        if (s.revokedAt == null) {
            s.revokedAt = Times.now(clock);
            log.revoked(s, clipsOf(s.id));
        }
        return new Revoked(s, s.firstDownloadAt != null);
    }

    private static List<Clip> clipsOf(UUID shareId) {
        return Panache.getEntityManager()
                .createQuery(
                        "select c from ShareClip sc, Clip c where sc.shareId = :s and sc.clipId = c.id order by c.id",
                        Clip.class)
                .setParameter("s", shareId)
                .getResultList();
    }

    public List<ShareWithClips> list(String ownerId, int page, int size) {
        List<Share> shares = Share.<Share>find("ownerId = ?1 order by createdAt desc, id", ownerId)
                .page(page, size)
                .list();
        Map<UUID, List<UUID>> clips = ShareClip.ofShares(
                        shares.stream().map(s -> s.id).toList())
                .stream()
                .collect(Collectors.groupingBy(
                        sc -> sc.shareId, Collectors.mapping(sc -> sc.clipId, Collectors.toList())));
        return shares.stream()
                .map(s -> new ShareWithClips(s, clips.getOrDefault(s.id, List.of())))
                .toList();
    }
}
