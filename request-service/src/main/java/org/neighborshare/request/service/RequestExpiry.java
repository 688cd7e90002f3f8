package org.neighborshare.request.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.neighborshare.shared.cluster.HeldByAnotherReplica;

/** Expires published requests on time, whether or not anyone looks at them. */
@ApplicationScoped
public class RequestExpiry {

    @Inject
    RequestService requests;

    @Scheduled(
            identity = "request-expiry",
            skipExecutionIf = HeldByAnotherReplica.class,
            every = "${requests.expiry-check-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        requests.expireDue();
    }
}
