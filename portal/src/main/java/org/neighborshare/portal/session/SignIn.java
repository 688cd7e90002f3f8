package org.neighborshare.portal.session;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Sign-in: asking for this page without a session sends the browser to Keycloak's own sign-in page (which also
 * offers registration) with the code flow and PKCE; back here, the user goes on to the page they came for.
 * Sign-out is {@code /signout} (quarkus.oidc.logout.path), which ends the Keycloak session too.
 */
@Path("/signin")
public class SignIn {

    @GET
    @Authenticated
    public Response signIn(@QueryParam("next") String next) {
        return Response.seeOther(URI.create(safeNext(next))).build();
    }

    /** Only a path of this site: never an open redirect to another one. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
            return "/";
        }
        for (char c : next.toCharArray()) {
            if (c < 0x21 || c == '\\') {
                return "/";
            }
        }
        return next;
    }
}
