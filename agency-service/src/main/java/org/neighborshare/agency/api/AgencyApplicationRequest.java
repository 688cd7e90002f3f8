package org.neighborshare.agency.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.neighborshare.agency.domain.AgencyType;

/** What an applicant may set. Server-owned fields (id, state, approvedBy…) are unknown here and so rejected. */
public record AgencyApplicationRequest(
        @NotBlank @Size(max = 200) String officialName,
        @NotNull AgencyType type,
        @NotBlank @Size(max = 253)
        @Pattern(regexp = "^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$",
                message = "must be a domain name such as city-pd.gov") String officialDomain,
        @NotBlank @Size(max = 500) @Pattern(regexp = "^https://[^\\s]+$", message = "must be an https URL") String website,
        @NotNull JsonNode jurisdiction,
        @NotNull @Valid AuthorizingOfficial authorizingOfficial,
        @NotNull @AssertTrue(message = "the use policy must be accepted") Boolean policyAccepted) {

    public record AuthorizingOfficial(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Email @Size(max = 320) String email) {
    }
}
