package org.neighborshare.agency.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.neighborshare.shared.cluster.HeldByAnotherReplica;

/** Expires approvals on time, whether or not anyone looks at the agency. */
@ApplicationScoped
public class AgencyExpiry {

    @Inject
    AgencyService agencies;

    @Scheduled(
            identity = "agency-expiry",
            skipExecutionIf = HeldByAnotherReplica.class,
            every = "${agency.expiry-check-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        agencies.expireDue();
    }
}
