package org.neighborshare.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * What the journeys need, seeded through the real APIs before the load starts, and found again on a later run
 * against the same suite (MODE=max runs several): the realm's demo users (README, "Demo users"), the seeded
 * Riverton PD, and {@code owners} load owners created through Keycloak's admin API as self-registration would
 * (verified e-mail, the demo password, the default owner role), each with one camera within 150 m of the point
 * every published request is centred on. The demo owners' cameras lie within that area too, so every request
 * published during the run must reach every owner listed here.
 */
final class LoadWorld {

    static final String RIVERTON = "5d1d0a6e-8f4b-4a52-9c55-7a1f3c2b9e01";
    static final String INVESTIGATOR = "det.jones";
    static final String PUBLISHING_REVIEWER = "reviewer.chen";
    static final List<String> REVIEWERS = List.of("reviewer.rivera", "reviewer.chen");
    /** Alice's and Bob's demo cameras lie within 300 m of this point, inside Riverton's jurisdiction. */
    static final double CENTRE_LAT = 45.5205;

    static final double CENTRE_LON = -122.6695;
    static final int RADIUS_METERS = 300;

    /** An owner, the camera it shares from, and whether it shares (with a fresh clip) or declines. */
    record Owner(String username, String cameraId, boolean shares) {}

    final List<Owner> owners;

    private LoadWorld(List<Owner> owners) {
        this.owners = List.copyOf(owners);
    }

    List<String> users() {
        List<String> users = new ArrayList<>(List.of(INVESTIGATOR, "reviewer.rivera", "reviewer.chen"));
        owners.forEach(o -> users.add(o.username()));
        return users;
    }

    static LoadWorld seed(LoadConfig config) {
        String admin = Http.form(
                        config.keycloak() + "/realms/master/protocol/openid-connect/token",
                        // The launcher's LOCAL DEMO bootstrap admin (launcher Keycloak.ADMIN_USERNAME).
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                "admin",
                                "password",
                                "admin"))
                .path("access_token")
                .asText();
        List<String> names = new ArrayList<>(List.of("owner.alice", "owner.bob"));
        for (int i = 1; i <= config.owners(); i++) {
            String name = String.format(Locale.ROOT, "load.owner.%03d", i);
            createUser(config.keycloak(), admin, name);
            names.add(name);
        }
        Random random = new Random(14);
        List<Owner> owners = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String token = Tokens.password(config.keycloak(), name);
            // Alternating answers: an owner who declined may still share, but one who shared may not decline
            // (409), so each owner sticks to one answer and concurrent journeys of one owner never collide.
            owners.add(new Owner(name, camera(config.gateway(), token, name, random), i % 2 == 0));
        }
        return new LoadWorld(owners);
    }

    /** 201, or 409 when an earlier run against this suite created the user. */
    private static void createUser(String keycloak, String admin, String name) {
        String body = """
                {"username":"%s","email":"%s@mail.example","emailVerified":true,"enabled":true,
                 "firstName":"Load","lastName":"Owner",
                 "credentials":[{"type":"password","value":"%s","temporary":false}]}""".formatted(name, name, Tokens.PASSWORD);
        Http.send("POST", keycloak + "/admin/realms/neighbors/users", admin, body, 201, 409);
    }

    /** The owner's first active camera inside the requests' area, registered if there is none. */
    private static String camera(String gateway, String token, String name, Random random) {
        for (JsonNode c : Http.send("GET", gateway + "/api/me/cameras", token, null, 200)) {
            if ("ACTIVE".equals(c.path("status").asText())
                    && metersFromCentre(
                                    c.path("latitude").asDouble(),
                                    c.path("longitude").asDouble())
                            < 250) {
                return c.path("id").asText();
            }
        }
        double bearing = random.nextDouble() * 2 * Math.PI;
        double meters = 150 * Math.sqrt(random.nextDouble());
        double lat = CENTRE_LAT + meters * Math.cos(bearing) / 111_320.0;
        double lon = CENTRE_LON + meters * Math.sin(bearing) / (111_320.0 * Math.cos(Math.toRadians(CENTRE_LAT)));
        String body = String.format(
                Locale.ROOT, "{\"label\":\"%s porch\",\"latitude\":%.6f,\"longitude\":%.6f}", name, lat, lon);
        return Http.send("POST", gateway + "/api/me/cameras", token, body, 201)
                .path("id")
                .asText();
    }

    private static double metersFromCentre(double lat, double lon) {
        double dy = (lat - CENTRE_LAT) * 111_320.0;
        double dx = (lon - CENTRE_LON) * 111_320.0 * Math.cos(Math.toRadians(CENTRE_LAT));
        return Math.hypot(dx, dy);
    }
}
