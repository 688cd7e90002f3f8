package org.neighborshare.request.counts;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.rest.client.inject.RestClient;

@ApplicationScoped
@DefaultBean
public class GatewayCountsSource implements CountsSource {

    @Inject
    @RestClient
    ConsentCountsClient client;

    /** While consent-service keeps failing, stop asking for a while: the public log is served without counts. */
    @Override
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000)
    public List<RequestCounts> counts(List<UUID> requestIds) {
        return client.counts(requestIds);
    }
}
