package org.neighborshare.portal.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who is looking at the page, for the navigation only: what links to show. It reads the signed-in user's access
 * token (which the portal received from Keycloak over its own back channel); the gateway judges every call anyway,
 * so a link shown by mistake leads to the "not allowed" page, never to data.
 */
@RequestScoped
@Named("viewer")
public class Viewer {

    /** Keycloak group paths of agency roles: /agencies/{agencyId}/{role}. */
    private static final Pattern AGENCY_GROUP =
            Pattern.compile("^/agencies/([0-9a-fA-F-]{36})/(agency-admin|investigator)$");

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    private JsonNode claims;

    /** One agency the user holds a role in. */
    public record Membership(String agencyId, boolean admin, boolean investigator) {}

    private JsonNode claims() {
        if (claims == null) {
            claims = json.createObjectNode();
            if (signedIn()) {
                AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
                if (token != null && token.getToken() != null) {
                    String[] parts = token.getToken().split("\\.");
                    if (parts.length >= 2) {
                        try {
                            claims = json.readTree(
                                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
                        } catch (IOException | IllegalArgumentException e) {
                            // Not a JWT: the navigation shows the public pages only.
                        }
                    }
                }
            }
        }
        return claims;
    }

    public boolean signedIn() {
        return identity != null && !identity.isAnonymous();
    }

    public String name() {
        JsonNode c = claims();
        String name = c.path("name").asText("");
        return name.isBlank() ? c.path("preferred_username").asText("") : name;
    }

    public String email() {
        return claims().path("email").asText("");
    }

    public Set<String> roles() {
        Set<String> roles = new TreeSet<>();
        claims().path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    public boolean reviewer() {
        return roles().contains("reviewer");
    }

    public boolean owner() {
        return roles().contains("owner");
    }

    public List<Membership> agencies() {
        Map<String, boolean[]> byAgency = new LinkedHashMap<>();
        for (JsonNode g : claims().path("groups")) {
            Matcher m = AGENCY_GROUP.matcher(g.asText());
            if (m.matches()) {
                boolean[] roles = byAgency.computeIfAbsent(m.group(1), k -> new boolean[2]);
                if (m.group(2).equals("agency-admin")) {
                    roles[0] = true;
                } else {
                    roles[1] = true;
                }
            }
        }
        List<Membership> list = new ArrayList<>();
        byAgency.forEach((id, r) -> list.add(new Membership(id, r[0], r[1])));
        return list;
    }
}
