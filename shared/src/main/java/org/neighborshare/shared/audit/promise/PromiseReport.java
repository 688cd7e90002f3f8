package org.neighborshare.shared.audit.promise;

import java.util.List;

/**
 * What a {@link PromiseChecker} run checked and found.
 *
 * @param findings every broken promise, in log order (agency, request, consent; then by index)
 * @param downloadsChecked the clip.downloaded entries checked
 * @param unbackedDownloads the clip.downloaded entries with at least one finding: "downloads not backed by a valid
 *     share" of the transparency report
 * @param sharesSeen the share.created entries read
 * @param revocationsSeen the share.revoked entries read
 * @param retentionDeletionsChecked the clip.deleted entries with cause {@code retention} checked
 * @param agencyStateChanges the agency log entries that change an agency's state
 */
public record PromiseReport(
        List<Finding> findings,
        long downloadsChecked,
        long unbackedDownloads,
        long sharesSeen,
        long revocationsSeen,
        long retentionDeletionsChecked,
        long agencyStateChanges) {

    public PromiseReport {
        findings = List.copyOf(findings);
    }

    public boolean kept() {
        return findings.isEmpty();
    }
}
