package org.neighborshare.agency.roles;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.neighborshare.agency.config.AgencyConfig;
import org.neighborshare.shared.problem.ProblemException;
import org.neighborshare.shared.security.AgencyRole;
import org.neighborshare.shared.security.Caller;

/**
 * Per-agency roles as Keycloak groups {@code /agencies/<agencyId>/<role>} ({@link AgencyRole#groupPath}), which the realm's group mapper puts in
 * the {@code groups} claim. Uses agency-service's own service account (manage-users, query-groups, view-users).
 */
@ApplicationScoped
@DefaultBean
public class KeycloakAgencyRoles implements AgencyRoles {

    @Inject
    Keycloak keycloak;

    @Inject
    AgencyConfig config;

    @Override
    public void createAgency(UUID agencyId) {
        call(() -> {
            String root = childOrCreate(null, AgencyRole.GROUP_ROOT);
            String agency = childOrCreate(root, agencyId.toString());
            AgencyRole.ROLES.forEach(role -> childOrCreate(agency, role));
            return null;
        });
    }

    @Override
    public void grant(UUID agencyId, String userId, String role) {
        call(() -> {
            realm().users().get(userId).joinGroup(groupId(agencyId, role));
            return null;
        });
    }

    @Override
    public void revokeAll(UUID agencyId, String userId) {
        call(() -> {
            for (String role : AgencyRole.ROLES) {
                realm().users().get(userId).leaveGroup(groupId(agencyId, role));
            }
            return null;
        });
    }

    @Override
    public List<Member> members(UUID agencyId) {
        return call(() -> {
            Map<String, Member> byId = new LinkedHashMap<>();
            for (String role : AgencyRole.ROLES) {
                for (UserRepresentation u :
                        realm().groups().group(groupId(agencyId, role)).members(0, 1000)) {
                    Member m = byId.computeIfAbsent(
                            u.getId(), id -> new Member(id, u.getUsername(), u.getEmail(), new ArrayList<>()));
                    m.roles().add(role);
                }
            }
            return List.copyOf(byId.values());
        });
    }

    @Override
    public boolean isReviewer(String userId) {
        return call(() -> realm().users().get(userId).roles().realmLevel().listEffective().stream()
                .anyMatch(r -> Caller.REVIEWER.equals(r.getName())));
    }

    @Override
    public Optional<String> userIdByEmail(String email) {
        return call(() -> verified(realm().users().searchByEmail(email, true)));
    }

    /**
     * The first user whose e-mail the identity provider verified. An unverified address proves nothing: anyone can
     * sign up claiming a colleague's address before the colleague does, and must not get the colleague's role.
     */
    static Optional<String> verified(List<UserRepresentation> found) {
        return found.stream()
                .filter(u -> Boolean.TRUE.equals(u.isEmailVerified()))
                .findFirst()
                .map(UserRepresentation::getId);
    }

    private RealmResource realm() {
        return keycloak.realm(config.keycloak().realm());
    }

    private String groupId(UUID agencyId, String role) {
        try {
            return realm().getGroupByPath(AgencyRole.groupPath(agencyId, role)).getId();
        } catch (NotFoundException e) {
            throw ProblemException.notFound("roles of agency " + agencyId);
        }
    }

    /**
     * Finds a child group (or a top-level group when parentId is null), creating it if absent. Idempotent even
     * when someone else creates the same group in between: Keycloak's 409 for a duplicate name means the group
     * exists, and it is looked up again rather than reported as an outage.
     */
    private String childOrCreate(String parentId, String name) {
        Optional<String> found = child(parentId, name);
        if (found.isPresent()) {
            return found.get();
        }
        GroupRepresentation g = new GroupRepresentation();
        g.setName(name);
        try (Response r = parentId == null
                ? realm().groups().add(g)
                : realm().groups().group(parentId).subGroup(g)) {
            if (r.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                return child(parentId, name)
                        .orElseThrow(() -> new WebApplicationException(
                                "group " + name + " reported as existing but not found", 503));
            }
            if (r.getStatus() >= 300) {
                throw new WebApplicationException("group creation failed: " + r.getStatus(), r.getStatus());
            }
            String location = r.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    private Optional<String> child(String parentId, String name) {
        List<GroupRepresentation> existing = parentId == null
                ? realm().groups().groups(name, true, 0, 10, true)
                : realm().groups().group(parentId).getSubGroups(name, true, 0, 10, true);
        return existing.stream()
                .filter(g -> g.getName().equals(name))
                .findFirst()
                .map(GroupRepresentation::getId);
    }

    /** Keycloak being unreachable is a 503 for our caller, never a stack trace. */
    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (ProblemException e) {
            throw e;
        } catch (ProcessingException | WebApplicationException e) {
            throw ProblemException.unavailable("the identity provider could not be reached");
        }
    }
}
