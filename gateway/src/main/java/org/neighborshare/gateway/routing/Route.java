package org.neighborshare.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One validated entry of the route table.
 *
 * @param name         the route's name in metrics and the access log
 * @param rateLimit    the rate-limit group ({@code gateway.rate-limits.<group>})
 * @param maxBodySize  largest request body in bytes; larger is 413 and never reaches the service
 * @param maxPageSize  largest page size a query may ask for; larger is 400
 * @param routine      the route carries routine service-to-service polling: its access-log lines are DEBUG
 */
public record Route(
        int index,
        String name,
        List<PathPattern> paths,
        Set<String> methods,
        String service,
        Access access,
        Optional<String> role,
        Optional<Duration> timeout,
        String rateLimit,
        long maxBodySize,
        int maxPageSize,
        boolean routine) {

    public static final String AGENCY_ID = "agencyId";

    @Override
    public String toString() {
        return "gateway.routes[" + index + "] " + name + " " + methods + " " + paths + " -> " + service + " " + access
                + role.map(r -> " " + r).orElse("");
    }
}
