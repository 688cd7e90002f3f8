package org.neighborshare.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The demo users of the realm file (service accounts left out), for the banner and for tests. */
public final class DemoUsers {

    /** The password every demo user has (local demo only). */
    public static final String DEMO_PASSWORD = "neighbors-demo";

    private static final Pattern AGENCY_GROUP = Pattern.compile("^/agencies/([^/]+)/([^/]+)$");

    /** One demo user: realm roles and group paths as in the realm file. */
    public record DemoUser(
            String username, String email, String password, List<String> realmRoles, List<String> groups) {

        public DemoUser {
            realmRoles = List.copyOf(realmRoles);
            groups = List.copyOf(groups);
        }

        /** Roles and groups for people: {@code owner, reviewer} or {@code owner; investigator in agency <id>}. */
        public String rolesAndGroups() {
            StringBuilder sb = new StringBuilder(String.join(", ", realmRoles));
            if (!groups.isEmpty()) {
                List<String> described = new ArrayList<>();
                for (String g : groups) {
                    described.add(describeGroup(g));
                }
                sb.append(sb.length() == 0 ? "" : "; ").append(String.join(", ", described));
            }
            return sb.toString();
        }
    }

    private DemoUsers() {}

    /** The users of a realm file that are people (no {@code serviceAccountClientId}), in file order. */
    public static List<DemoUser> read(Path realmFile) {
        JsonNode realm;
        try {
            realm = new ObjectMapper().readTree(realmFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + realmFile, e);
        }
        List<DemoUser> users = new ArrayList<>();
        for (JsonNode u : realm.path("users")) {
            if (u.hasNonNull("serviceAccountClientId")
                    || u.path("username").asText().startsWith("service-account-")) {
                continue;
            }
            String password = null;
            for (JsonNode c : u.path("credentials")) {
                if ("password".equals(c.path("type").asText())) {
                    password = c.path("value").asText(null);
                }
            }
            users.add(new DemoUser(
                    u.path("username").asText(),
                    u.path("email").asText(""),
                    password,
                    texts(u.path("realmRoles")),
                    texts(u.path("groups"))));
        }
        return users;
    }

    /** {@code /agencies/<id>/investigator} → {@code investigator in agency <id>}; other paths as they are. */
    public static String describeGroup(String path) {
        Matcher m = AGENCY_GROUP.matcher(path);
        return m.matches() ? m.group(2) + " in agency " + m.group(1) : path;
    }

    /** A plain-text table: username, email, roles and groups. */
    public static String table(List<DemoUser> users) {
        int wu = "username".length();
        int we = "email".length();
        for (DemoUser u : users) {
            wu = Math.max(wu, u.username().length());
            we = Math.max(we, u.email().length());
        }
        String fmt = "  %-" + wu + "s  %-" + we + "s  %s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(fmt, "username", "email", "roles / groups"));
        for (DemoUser u : users) {
            sb.append(String.format(fmt, u.username(), u.email(), u.rolesAndGroups()));
        }
        return sb.toString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText());
        }
        return out;
    }
}
