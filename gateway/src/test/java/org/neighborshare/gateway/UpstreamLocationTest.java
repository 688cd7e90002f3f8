package org.neighborshare.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.neighborshare.gateway.proxy.Locations;
import org.neighborshare.gateway.support.FakeServices;

/** A service's internal address never reaches a client through a Location header. */
@QuarkusTest
@WithTestResource(FakeServices.class)
class UpstreamLocationTest {

    @Test
    void anAbsoluteLocationOnTheServicesOwnAddressBecomesAPathOnTheGateway() {
        given().redirects()
                .follow(false)
                .when()
                .get("/api/public/agencies/created")
                .then()
                .statusCode(201)
                .header("Location", equalTo("/api/public/agencies/created/42?x=1"));
    }

    @Test
    void aLocationOnAnotherSiteIsLeftAlone() {
        given().redirects()
                .follow(false)
                .when()
                .get("/api/public/agencies/elsewhere")
                .then()
                .statusCode(303)
                .header("Location", equalTo("https://other.example/x"));
    }

    @Test
    void onlyTheUpstreamsOwnOriginIsRewritten() {
        URI upstream = URI.create("http://consent-service:8083");
        assertEquals(
                "/api/me/cameras/1?a=b#c",
                Locations.onGateway(upstream, "http://consent-service:8083/api/me/cameras/1?a=b#c"));
        assertEquals("/", Locations.onGateway(upstream, "HTTP://Consent-Service:8083"));
        assertEquals("/x", Locations.onGateway(URI.create("http://svc"), "http://svc:80/x"));
        assertEquals("http://consent-service:8084/x", Locations.onGateway(upstream, "http://consent-service:8084/x"));
        assertEquals("https://consent-service:8083/x", Locations.onGateway(upstream, "https://consent-service:8083/x"));
        assertEquals("http://other:8083/x", Locations.onGateway(upstream, "http://other:8083/x"));
        assertEquals("/relative", Locations.onGateway(upstream, "/relative"));
        assertEquals("not a uri ^", Locations.onGateway(upstream, "not a uri ^"));
    }
}
