package org.neighborshare.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServicesTest {

    @Test
    void namesAndAliases() {
        assertEquals(Services.AGENCY, Services.canonical("agency"));
        assertEquals(Services.CONSENT, Services.canonical(" Consent-Service "));
        assertEquals(Services.KEYCLOAK, Services.canonical("kc"));
        assertEquals(Services.POSTGRES, Services.canonical("postgresql"));
        assertThrows(IllegalArgumentException.class, () -> Services.canonical("nope"));
        assertEquals("agency", Services.logName(Services.AGENCY));
        assertEquals("gateway", Services.logName(Services.GATEWAY));
        assertEquals("request", Services.database(Services.REQUEST));
        assertNull(Services.database(Services.GATEWAY));
        assertEquals(List.of("agency", "request", "consent"), Services.DATABASES);
    }
}
