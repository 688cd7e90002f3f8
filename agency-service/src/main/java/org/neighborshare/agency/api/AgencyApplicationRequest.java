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
import org.neighborshare.agency.service.AgencyApplication;

/** What an applicant may set. Server-owned fields (id, state, approvedBy…) are unknown here and so rejected. */
public record AgencyApplicationRequest(
        @NotBlank @Size(max = 200) String officialName,
        @NotNull AgencyType type,

        @NotBlank
        @Size(max = 253)
        @Pattern(
                regexp = "^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$",
                message = "must be a domain name such as city-pd.gov")
        String officialDomain,

        @NotBlank
        @Size(max = 500)
        @Pattern(regexp = AgencyApplicationRequest.WEBSITE, message = AgencyApplicationRequest.WEBSITE_RULE)
        String website,

        @NotNull JsonNode jurisdiction,
        @NotNull @Valid AuthorizingOfficial authorizingOfficial,

        @NotNull @AssertTrue(message = "the use policy must be accepted")
        Boolean policyAccepted) {

    /**
     * An https URL whose host is a DNS name or an IPv4 address, with an optional port, path, query and fragment:
     * no other scheme (http, file, gopher, javascript…), no empty host ({@code https:///etc/passwd}), no user info
     * ({@code https://city.gov@evil.example}), and no whitespace, control characters, quotes, angle brackets or
     * backslashes that could break out of a link where the directory is shown. It is only ever displayed: nothing
     * in the platform fetches it.
     */
    public static final String WEBSITE = "^https://"
            + "(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}"
            + "|(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9]))"
            + "(?::[0-9]{1,5})?"
            + "(?:[/?#][^\\s\\x00-\\x1F\\x7F\"'<>\\\\^`{|}]*)?$";

    public static final String WEBSITE_RULE =
            "must be an https URL with a host name and no user info or unsafe characters";

    /** What the enrolment use case takes. */
    public AgencyApplication toApplication() {
        return new AgencyApplication(
                officialName,
                type,
                officialDomain,
                website,
                jurisdiction,
                new AgencyApplication.Official(
                        authorizingOfficial.name(), authorizingOfficial.title(), authorizingOfficial.email()));
    }

    public record AuthorizingOfficial(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Email @Size(max = 320) String email) {}
}
