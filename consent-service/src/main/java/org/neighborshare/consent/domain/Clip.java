package org.neighborshare.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.neighborshare.shared.problem.ProblemException;

/** A video uploaded by its owner. The bytes are in the clip store under {@link #storageKey}. */
@Entity
public class Clip extends PanacheEntityBase {

    public static final List<String> CONTENT_TYPES = List.of("video/mp4", "video/quicktime", "video/webm");

    @Id
    public UUID id;

    public String ownerId;
    public UUID cameraId;
    /** Start of the footage. */
    public Instant recordedAt;

    public String contentType;
    public long sizeBytes;
    public String sha256;
    public String storageKey;
    public Instant uploadedAt;
    /** Set when retention deleted the bytes. */
    public Instant deletedAt;

    public static List<Clip> ofOwner(String ownerId, int page, int size) {
        return find("ownerId = ?1 order by uploadedAt desc, id", ownerId)
                .page(page, size)
                .list();
    }

    /** Someone else's clip is answered exactly like a missing one: 404. */
    public static Clip ofOwner(String ownerId, UUID id) {
        Clip c = findById(id);
        if (c == null || !c.ownerId.equals(ownerId)) {
            throw ProblemException.notFound("clip " + id);
        }
        return c;
    }

    /** A file name extension for downloads. */
    public String extension() {
        return switch (contentType) {
            case "video/quicktime" -> "mov";
            case "video/webm" -> "webm";
            default -> "mp4";
        };
    }
}
