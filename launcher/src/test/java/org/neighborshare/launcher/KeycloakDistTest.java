package org.neighborshare.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakDistTest {

    @TempDir
    Path tmp;

    private static void entry(ZipArchiveOutputStream zip, String name, int mode, String content) throws IOException {
        ZipArchiveEntry e = new ZipArchiveEntry(name);
        e.setUnixMode(mode);
        zip.putArchiveEntry(e);
        if (content != null) {
            zip.write(content.getBytes(StandardCharsets.UTF_8));
        }
        zip.closeArchiveEntry();
    }

    private Path zip(String... namesAndContents) throws IOException {
        Path z = tmp.resolve("keycloak-quarkus-dist-1.0.zip");
        try (OutputStream out = Files.newOutputStream(z);
                ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            entry(zip, "keycloak-1.0/", 040755, null);
            entry(zip, "keycloak-1.0/bin/", 040755, null);
            entry(zip, "keycloak-1.0/bin/kc.sh", 0100755, "#!/bin/sh\necho kc\n");
            entry(zip, "keycloak-1.0/conf/keycloak.conf", 0100644, "# conf\n");
            for (int i = 0; i < namesAndContents.length; i += 2) {
                entry(zip, namesAndContents[i], 0100644, namesAndContents[i + 1]);
            }
        }
        return z;
    }

    @Test
    void unpacksOnceKeepingModesAndPlacesTheRealmForImport() throws IOException {
        Path zip = zip();
        Path realm = tmp.resolve("neighbors-realm.json");
        Files.writeString(realm, "{\"realm\":\"neighbors\"}");
        Path data = tmp.resolve("data");
        ProcessLog log = new ProcessLog("launcher", null, null, -1);

        Path home = KeycloakDist.ensureUnpacked(zip, data, realm, log);
        assertEquals(data.resolve("keycloak-1.0"), home);
        assertTrue(Files.isExecutable(home.resolve("bin/kc.sh")));
        assertFalse(Files.isExecutable(home.resolve("conf/keycloak.conf")));
        Path imported = home.resolve("data/import/neighbors-realm.json");
        assertEquals("{\"realm\":\"neighbors\"}", Files.readString(imported));
        assertFalse(Files.exists(data.resolve(".unpacking-keycloak-1.0")));

        // A second start reuses it: the realm is not copied again (Keycloak imported it the first time).
        Files.writeString(realm, "{\"realm\":\"changed\"}");
        assertEquals(home, KeycloakDist.ensureUnpacked(zip, data, realm, log));
        assertEquals("{\"realm\":\"neighbors\"}", Files.readString(imported));
    }

    @Test
    void thePortalsRedirectUrisNameTheSuitesGateway() throws IOException {
        Path zip = zip();
        Path realm = tmp.resolve("neighbors-realm.json");
        Files.writeString(
                realm,
                "{\"redirectUris\":[\"http://localhost:8080/*\"],\"webOrigins\":[\"http://localhost:8080\"],"
                        + "\"other\":\"https://x.example/http://localhost:8080\"}");
        Path home = KeycloakDist.ensureUnpacked(
                zip, tmp.resolve("data"), realm, "http://localhost:26080", new ProcessLog("launcher", null, null, -1));
        assertEquals(
                "{\"redirectUris\":[\"http://localhost:26080/*\"],\"webOrigins\":[\"http://localhost:26080\"],"
                        + "\"other\":\"https://x.example/http://localhost:8080\"}",
                Files.readString(home.resolve("data/import/neighbors-realm.json")));
    }

    @Test
    void anInterruptedUnpackIsRedone() throws IOException {
        Path zip = zip();
        Path realm = tmp.resolve("neighbors-realm.json");
        Files.writeString(realm, "{}");
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve(".unpacking-keycloak-1.0/keycloak-1.0/bin"));
        Files.createDirectories(data.resolve("keycloak-1.0/conf")); // no bin/kc.sh: incomplete
        Path home = KeycloakDist.ensureUnpacked(zip, data, realm, new ProcessLog("launcher", null, null, -1));
        assertTrue(Files.isExecutable(home.resolve("bin/kc.sh")));
    }

    @Test
    void entriesThatEscapeAreRefused() throws IOException {
        Path zip = zip("keycloak-1.0/../../evil.txt", "x");
        assertThrows(IOException.class, () -> KeycloakDist.unzip(zip, tmp.resolve("out")));
        assertFalse(Files.exists(tmp.resolve("evil.txt")));
    }

    @Test
    void aMissingDistributionSaysHowToBuildIt() {
        Path repo = tmp.resolve("repo");
        String home = System.getProperty("user.home");
        System.setProperty("user.home", tmp.toString()); // no ~/.m2 fallback either
        try {
            SuiteException e = assertThrows(SuiteException.class, () -> KeycloakDist.findZip(repo));
            assertTrue(e.getMessage().contains("mvnw"), e.getMessage());
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void theBuiltVersionIsKnown() {
        String v = KeycloakDist.version();
        assertTrue(v != null && v.matches("\\d+\\.\\d+\\.\\d+.*"), String.valueOf(v));
    }
}
