package org.neighborshare.agency.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.neighborshare.agency.config.AgencyConfig;
import org.neighborshare.agency.domain.Agency;
import org.neighborshare.agency.domain.AgencyDecision;
import org.neighborshare.agency.domain.AgencyState;
import org.neighborshare.agency.domain.AgencyType;

/**
 * LOCAL DEMO DATA: the already approved Riverton Police Department whose members are seeded in the Keycloak
 * realm. Only created when {@code agency.demo-data} is on (the launcher's local profile), never in prod.
 */
@ApplicationScoped
public class DemoAgency {

    public static final UUID ID = UUID.fromString("5d1d0a6e-8f4b-4a52-9c55-7a1f3c2b9e01");
    static final String SEEDER = "local-demo-seed";

    @Inject
    AgencyConfig config;

    @Inject
    Clock clock;

    @Inject
    PublicAgencyLog log;

    @Transactional
    void seed(@Observes StartupEvent start) {
        if (!config.demoData() || Agency.findById(ID) != null) {
            return;
        }
        Instant now = clock.instant();
        Agency a = new Agency();
        a.id = ID;
        a.officialName = "Riverton Police Department";
        a.type = AgencyType.POLICE;
        a.officialDomain = "riverton-pd.example";
        a.website = "https://riverton-pd.example";
        a.jurisdiction = "{\"type\":\"Polygon\",\"coordinates\":[[[-122.70,45.50],[-122.64,45.50],"
                + "[-122.64,45.54],[-122.70,45.54],[-122.70,45.50]]]}";
        a.officialPersonName = "Pat Quinn";
        a.officialTitle = "Chief of Police";
        a.officialEmail = "pquinn@riverton-pd.example";
        a.policyAcceptedAt = now;
        a.applicantId = "0b6f1c1e-0000-4000-8000-00000000b001";
        a.applicantEmail = "nokafor@riverton-pd.example";
        // Through the same steps as a vetted agency, so that its public history is complete too.
        // In the public log as well, so that a verifier finds the demo agency approved before its first download.
        a.submit(now);
        log.applied(a, now);
        a.transition(AgencyState.IN_REVIEW, AgencyDecision.Action.START_REVIEW, null, SEEDER, now);
        a.transition(AgencyState.APPROVED, AgencyDecision.Action.APPROVE, "local demo agency", SEEDER, now);
        log.decided(a, AgencyDecision.Action.APPROVE, "local demo agency", SEEDER, now);
    }
}
