package org.neighborshare.shared.audit.service;

import org.neighborshare.shared.audit.AuditEventType.LogName;
import org.neighborshare.shared.audit.config.AuditConfig;

/** The log {@code neighbors.audit.log} names. */
final class OwnLog {

    private OwnLog() {}

    static LogName of(AuditConfig config) {
        return LogName.fromPath(config.log())
                .orElseThrow(() -> new IllegalStateException(
                        "neighbors.audit.log must be agency, request or consent, not " + config.log()));
    }
}
