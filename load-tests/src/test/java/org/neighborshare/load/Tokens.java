package org.neighborshare.load;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Real Keycloak access tokens of every user the journeys act as, from a password grant of the LOCAL DEMO client
 * {@code neighbors-demo-cli}. The realm's tokens live 5 minutes, the run may last longer: a background thread
 * renews them all every minute, so that no virtual user blocks Gatling's event loop on Keycloak and none is
 * handed a token about to expire.
 */
final class Tokens implements AutoCloseable {

    static final String PASSWORD = "neighbors-demo";
    private static final long RENEW_EVERY_SECONDS = 60;

    private final String keycloak;
    private final Map<String, String> byUser = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "token-renewer");
        t.setDaemon(true);
        return t;
    });

    Tokens(String keycloak, Collection<String> users) {
        this.keycloak = keycloak;
        users.forEach(this::issue);
        Future<?> unused =
                renewer.scheduleAtFixedRate(this::renewAll, RENEW_EVERY_SECONDS, RENEW_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    String of(String user) {
        String t = byUser.get(user);
        if (t == null) {
            throw new IllegalStateException("no token held for " + user);
        }
        return t;
    }

    String bearer(String user) {
        return "Bearer " + of(user);
    }

    private void renewAll() {
        for (String user : byUser.keySet()) {
            if (Thread.currentThread().isInterrupted()) {
                return; // closed: the run is over
            }
            try {
                issue(user);
            } catch (RuntimeException e) {
                if (!Thread.currentThread().isInterrupted()) {
                    // The old token still has minutes to live; the next round tries again.
                    System.err.println("token renewal for " + user + " failed: " + e + ", cause " + e.getCause());
                }
            }
        }
    }

    private void issue(String user) {
        byUser.put(user, password(keycloak, user));
    }

    static String password(String keycloak, String user) {
        return Http.form(
                        keycloak + "/realms/neighbors/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "neighbors-demo-cli",
                                "username",
                                user,
                                "password",
                                PASSWORD))
                .path("access_token")
                .asText();
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
