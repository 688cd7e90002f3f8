package org.neighborshare.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One validated entry of the route table. */
public record Route(int index, List<PathPattern> paths, Set<String> methods, String service, Access access,
                    Optional<String> role, Optional<Duration> timeout) {

    public static final String AGENCY_ID = "agencyId";

    @Override
    public String toString() {
        return "gateway.routes[" + index + "] " + methods + " " + paths + " -> " + service + " " + access
                + role.map(r -> " " + r).orElse("");
    }
}
