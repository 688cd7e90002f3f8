package org.neighborshare.consent.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A revocation. It always stops further downloads; {@code agencyHadDownloaded} tells the owner whether the
 * agency had already downloaded a clip of the share before (it may then still hold that copy).
 */
public record RevocationView(UUID shareId, Instant revokedAt, boolean agencyHadDownloaded, Instant firstDownloadAt) {}
