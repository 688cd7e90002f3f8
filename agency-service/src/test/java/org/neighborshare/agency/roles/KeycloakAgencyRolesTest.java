package org.neighborshare.agency.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;

/** Which Keycloak user an agency-admin's "add by e-mail" picks. */
class KeycloakAgencyRolesTest {

    @Test
    void onlyAUserWhoseEmailIsVerifiedIsFoundByEmail() {
        assertEquals(
                Optional.empty(), KeycloakAgencyRoles.verified(List.of(user("squatter", false), user("other", null))));
        assertEquals(
                Optional.of("real"),
                KeycloakAgencyRoles.verified(List.of(user("squatter", false), user("real", true))));
        assertEquals(Optional.empty(), KeycloakAgencyRoles.verified(List.of()));
    }

    private static UserRepresentation user(String id, Boolean verified) {
        UserRepresentation u = new UserRepresentation();
        u.setId(id);
        u.setEmailVerified(verified);
        return u;
    }
}
