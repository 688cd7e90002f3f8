package org.neighborshare.agency.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.neighborshare.agency.domain.AgencyType;

/**
 * An application as the enrolment use case takes it. The API has checked each field's shape; the jurisdiction's
 * geometry and the one open application per domain are checked by {@link AgencyService#apply}.
 */
public record AgencyApplication(
        String officialName,
        AgencyType type,
        String officialDomain,
        String website,
        JsonNode jurisdiction,
        Official authorizingOfficial) {

    /** The person at the agency who authorises its use of the platform. */
    public record Official(String name, String title, String email) {}
}
