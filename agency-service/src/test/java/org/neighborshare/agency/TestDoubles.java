package org.neighborshare.agency;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.neighborshare.agency.roles.AgencyRoles;
import org.neighborshare.testsupport.MutableClock;

/**
 * Unit-test stand-ins: a movable clock, and an in-memory role store instead of Keycloak (the end-to-end tests
 * exercise the real Keycloak implementation).
 */
public class TestDoubles {

    public static final MutableClock CLOCK = new MutableClock();

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    Clock clock() {
        return CLOCK;
    }

    @Alternative
    @Priority(1)
    @ApplicationScoped
    public static class InMemoryRoles implements AgencyRoles {

        /** e-mail → user id of "signed-up" users whose e-mail is verified. */
        private final Map<String, String> users = new ConcurrentHashMap<>();
        /** e-mail → user id of users who signed up with an e-mail nobody verified. */
        private final Map<String, String> unverified = new ConcurrentHashMap<>();
        /** Users who hold the platform reviewer role in the identity provider. */
        private final Set<String> reviewers = ConcurrentHashMap.newKeySet();
        /** agencyId → userId → roles. */
        private final Map<UUID, Map<String, Set<String>>> grants = new ConcurrentHashMap<>();

        // Methods, not fields: tests reach this bean through its client proxy.
        public void signUp(String email, String userId) {
            users.put(email, userId);
        }

        public void signUpUnverified(String email, String userId) {
            unverified.put(email, userId);
        }

        /** As if an administrator granted the realm role reviewer in Keycloak. */
        public void makeReviewer(String userId) {
            reviewers.add(userId);
        }

        public Map<String, Set<String>> grantsOf(String agencyId) {
            return Map.copyOf(grants.getOrDefault(UUID.fromString(agencyId), Map.of()));
        }

        @Override
        public void createAgency(UUID agencyId) {
            grants.computeIfAbsent(agencyId, k -> new ConcurrentHashMap<>());
        }

        @Override
        public void grant(UUID agencyId, String userId, String role) {
            grants.get(agencyId)
                    .computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet())
                    .add(role);
        }

        @Override
        public void revokeAll(UUID agencyId, String userId) {
            grants.get(agencyId).remove(userId);
        }

        @Override
        public List<Member> members(UUID agencyId) {
            List<Member> out = new ArrayList<>();
            grants.getOrDefault(agencyId, Map.of())
                    .forEach((id, roles) -> out.add(new Member(id, id, null, List.copyOf(roles))));
            return out;
        }

        @Override
        public boolean isReviewer(String userId) {
            return reviewers.contains(userId);
        }

        @Override
        public Optional<String> userIdByEmail(String email) {
            // Like Keycloak's implementation: only a verified e-mail identifies a user.
            return Optional.ofNullable(users.get(email));
        }
    }
}
