package org.neighborshare.shared.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void theTokenFollowsTheBearerScheme() {
        assertEquals(Optional.of("eyJ.a.b"), BearerToken.from("Bearer eyJ.a.b"));
        assertEquals(Optional.of("eyJ.a.b"), BearerToken.from("bearer eyJ.a.b"), "the scheme is case-insensitive");
        assertEquals(Optional.of("eyJ.a.b"), BearerToken.from("BEARER   eyJ.a.b  "));
    }

    @Test
    void noTokenWithoutTheSchemeOrWithoutAToken() {
        for (String header : new String[] {
            null, "", "Bearer", "Bearer ", "Bearer    ", "Basic dXNlcjpwdw==", "Bearereyj.a.b", "eyJ.a.b"
        }) {
            assertEquals(Optional.empty(), BearerToken.from(header), String.valueOf(header));
        }
    }

    @Test
    void aWrittenHeaderReadsBack() {
        assertEquals("Bearer eyJ.a.b", BearerToken.header("eyJ.a.b"));
        assertEquals(Optional.of("eyJ.a.b"), BearerToken.from(BearerToken.header("eyJ.a.b")));
    }
}
