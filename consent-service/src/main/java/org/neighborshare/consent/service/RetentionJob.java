package org.neighborshare.consent.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.neighborshare.shared.cluster.HeldByAnotherReplica;

/**
 * Runs retention on time, whether or not anyone looks ({@code consent.retention.check-every}, whose default is in
 * {@code ConsentConfig}; {@code off} stops it).
 */
@ApplicationScoped
public class RetentionJob {

    @Inject
    RetentionService retention;

    @Scheduled(
            identity = "consent-retention",
            skipExecutionIf = HeldByAnotherReplica.class,
            every = "${consent.retention.check-every}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        retention.expireDue();
    }
}
