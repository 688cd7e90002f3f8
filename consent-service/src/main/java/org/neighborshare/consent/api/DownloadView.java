package org.neighborshare.consent.api;

import java.time.Instant;
import java.util.UUID;
import org.neighborshare.consent.domain.AccessEntry;

/**
 * One download of a clip by the agency, for its investigators: who it was, and the salt that opens the public
 * log's {@code downloader} commitment, SHA-256(salt || accessorId). Never the owner.
 */
public record DownloadView(
        UUID clipId,
        String sha256,
        String accessorId,
        String downloader,
        String downloaderSalt,
        Instant at,
        Long index,
        String leafHash) {

    public static DownloadView of(AccessEntry e) {
        return new DownloadView(
                e.clipId, e.sha256, e.accessorId, e.downloader, e.downloaderSalt, e.accessedAt, e.logIndex, e.leafHash);
    }
}
