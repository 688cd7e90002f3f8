package org.neighborshare.request.logs;

import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.neighborshare.shared.audit.AuditEventType.LogName;
import org.neighborshare.shared.audit.promise.PromiseChecker;
import org.neighborshare.shared.audit.promise.PromiseReport;

/**
 * The three public logs at their latest checkpoints with the platform's promises checked against them: the part
 * of the transparency report that costs (fetching and hashing what the logs added, the Merkle root, a scan of
 * every entry). Computed at most once per {@code quarkus.cache.caffeine."checked-public-logs".expire-after-write}
 * for every caller and every period, so a crowd of readers, or one varying the period, queues no work behind
 * {@link PublicLogs}'s lock (under load each report used to wait for the one before it). Checkpoints are
 * published every few seconds, so a report a second old shows the same logs.
 */
@ApplicationScoped
public class CheckedLogs {

    /** The logs as read, and what their entries say about the platform's promises. */
    public record Checked(Map<LogName, PublicLogs.LogCopy> logs, PromiseReport promises) {}

    private final PromiseChecker checker = new PromiseChecker();

    @Inject
    PublicLogs publicLogs;

    /** The latest checked logs; a failure to read them is not kept, so the next caller tries again. */
    @CacheResult(cacheName = "checked-public-logs")
    public Checked latest() {
        Map<LogName, PublicLogs.LogCopy> logs = publicLogs.read();
        PromiseReport promises = checker.check(
                logs.get(LogName.AGENCY).facts(),
                logs.get(LogName.REQUEST).facts(),
                logs.get(LogName.CONSENT).facts());
        return new Checked(logs, promises);
    }
}
