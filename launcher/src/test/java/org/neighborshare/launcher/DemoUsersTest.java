package org.neighborshare.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoUsersTest {

    @Test
    void theRealmsPeopleAreListedWithoutServiceAccounts() {
        Path realm = SuiteConfig.findRepoRoot().resolve(SuiteConfig.REALM_FILE);
        List<DemoUsers.DemoUser> users = DemoUsers.read(realm);
        assertTrue(users.size() >= 3);
        for (DemoUsers.DemoUser u : users) {
            assertTrue(!u.username().startsWith("service-account-"), u.username());
            assertEquals(DemoUsers.DEMO_PASSWORD, u.password(), u.username());
        }
        String table = DemoUsers.table(users);
        for (DemoUsers.DemoUser u : users) {
            assertTrue(table.contains(u.username()), u.username());
        }
    }

    @Test
    void rolesAndAgencyGroupsAreDescribed(@TempDir Path tmp) throws Exception {
        Path realm = tmp.resolve("realm.json");
        Files.writeString(realm, """
                {"realm":"neighbors","users":[
                  {"username":"det.jones","email":"sjones@pd.example","realmRoles":["owner"],
                   "groups":["/agencies/5d1d/investigator"],
                   "credentials":[{"type":"password","value":"neighbors-demo","temporary":false}]},
                  {"username":"reviewer.rivera","email":"r@x.example","realmRoles":["owner","reviewer"],"groups":[]},
                  {"username":"service-account-consent-service","serviceAccountClientId":"consent-service",
                   "realmRoles":["feed-reader"]}
                ]}""");
        List<DemoUsers.DemoUser> users = DemoUsers.read(realm);
        assertEquals(2, users.size());
        assertEquals("owner; investigator in agency 5d1d", users.get(0).rolesAndGroups());
        assertEquals("owner, reviewer", users.get(1).rolesAndGroups());
        String[] lines = DemoUsers.table(users).split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].contains("username") && lines[0].contains("email"));
        assertEquals(lines[1].indexOf("sjones@"), lines[2].indexOf("r@x"), "columns line up");
        assertEquals("/other/group", DemoUsers.describeGroup("/other/group"));
    }
}
