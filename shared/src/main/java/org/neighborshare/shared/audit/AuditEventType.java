package org.neighborshare.shared.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of fact the public logs record, with its wire name (the {@code type} of an entry) and the log it
 * belongs to. The one vocabulary that the services write and the verifier and the transparency report read.
 */
public enum AuditEventType {
    // agency-service's log: decisions on agencies and their members
    AGENCY_APPLIED("agency.applied", LogName.AGENCY),
    AGENCY_CHECKED("agency.checked", LogName.AGENCY),
    AGENCY_APPROVED("agency.approved", LogName.AGENCY),
    AGENCY_REJECTED("agency.rejected", LogName.AGENCY),
    AGENCY_SUSPENDED("agency.suspended", LogName.AGENCY),
    AGENCY_REINSTATED("agency.reinstated", LogName.AGENCY),
    AGENCY_REVOKED("agency.revoked", LogName.AGENCY),
    AGENCY_EXPIRED("agency.expired", LogName.AGENCY),
    AGENCY_REVETTING("agency.revetting", LogName.AGENCY),
    MEMBER_ADDED("member.added", LogName.AGENCY),
    MEMBER_REMOVED("member.removed", LogName.AGENCY),
    // request-service's log: decisions on footage requests
    REQUEST_SUBMITTED("request.submitted", LogName.REQUEST),
    REQUEST_PUBLISHED("request.published", LogName.REQUEST),
    REQUEST_REJECTED("request.rejected", LogName.REQUEST),
    REQUEST_CLOSED("request.closed", LogName.REQUEST),
    REQUEST_EXPIRED("request.expired", LogName.REQUEST),
    // consent-service's log: what happened to footage (declines are never logged: I2)
    SHARE_CREATED("share.created", LogName.CONSENT),
    SHARE_REVOKED("share.revoked", LogName.CONSENT),
    CLIP_DOWNLOADED("clip.downloaded", LogName.CONSENT),
    CLIP_DELETED("clip.deleted", LogName.CONSENT);

    private final String wireName;
    private final LogName log;

    AuditEventType(String wireName, LogName log) {
        this.wireName = wireName;
        this.log = log;
    }

    public String wireName() {
        return wireName;
    }

    public LogName log() {
        return log;
    }

    public static Optional<AuditEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** The three public logs, one per data service, and the path segment each is served under. */
    public enum LogName {
        AGENCY("agency"),
        REQUEST("request"),
        CONSENT("consent");

        private final String path;

        LogName(String path) {
            this.path = path;
        }

        /** The segment in {@code /api/public/logs/<path>/...}. */
        public String path() {
            return path;
        }

        /** The checkpoint origin line under a deployment's log domain, e.g. {@code neighborshare.example/consent-service}. */
        public String origin(String domain) {
            return domain + "/" + path + "-service";
        }

        public static Optional<LogName> fromPath(String path) {
            return Arrays.stream(values()).filter(l -> l.path.equals(path)).findFirst();
        }
    }
}
