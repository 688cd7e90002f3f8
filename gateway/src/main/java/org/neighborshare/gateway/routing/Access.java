package org.neighborshare.gateway.routing;

/** Who may call a route. */
public enum Access {
    /** Anyone; forwarded with an anonymous internal token, whatever token the client sent. */
    PUBLIC,
    /** Any valid Keycloak token. */
    AUTHENTICATED,
    /** A realm role (from {@code realm_access.roles}). */
    ROLE,
    /** A role held in the agency named by the {@code {agencyId}} segment of the path (invariant I5). */
    AGENCY_ROLE
}
