package org.neighborshare.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PathSegmentsTest {

    @Test
    void dropsEmptySegmentsSoTheForwardedPathIsCanonical() {
        assertEquals(Optional.of(List.of("api", "me", "cameras")), PathSegments.parse("/api//me/cameras/"));
        assertEquals("/api/me/cameras", PathSegments.join(List.of("api", "me", "cameras")));
    }

    @Test
    void refusesWhatAServiceMightDecodeDifferently() {
        for (String path : List.of(
                "/api/public/agencies/..%2Fq",
                "/api/public/%2e%2e/x",
                "/api/a;b/c",
                "/api/a\\b",
                "/api/%25",
                "/api/./x",
                "/api/../x",
                "/api/caf\u00e9",
                "/api/a b")) {
            assertTrue(PathSegments.parse(path).isEmpty(), path);
        }
    }
}
