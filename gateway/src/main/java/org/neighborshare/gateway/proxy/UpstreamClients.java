package org.neighborshare.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PemTrustOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import org.neighborshare.gateway.config.GatewayConfig;

/**
 * The one place that turns {@code gateway.services.<name>.url} into an HTTP client: scheme, host and port of the
 * URL (80/443 when it names none), TLS for https (host name verified, the JDK's trust store or the service's
 * {@code trust-certificate}), and the upstream timeouts. The proxy and the agency-state lookup both use it, so a
 * service moved to https is reached over https by every call the gateway makes.
 */
@ApplicationScoped
public class UpstreamClients {

    /** Where a service is, as its URL says. */
    public record Address(String host, int port, boolean tls) {

        /** @throws IllegalStateException if the URL is not an absolute http(s) URL with a host */
        public static Address of(String service, String url) {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean tls = scheme.equals("https");
            if (uri.getHost() == null || !(tls || scheme.equals("http"))) {
                throw new IllegalStateException("gateway.services." + service + ".url must be an http(s) URL: " + url);
            }
            return new Address(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80, tls);
        }
    }

    private final Vertx vertx;
    private final GatewayConfig config;

    @Inject
    public UpstreamClients(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    public Address address(String service) {
        return Address.of(service, service(service).url());
    }

    /** A new client (its own connection pool of {@code maxPoolSize}) for the service; the caller closes it. */
    public HttpClient create(String service, String clientName, int maxPoolSize) {
        return vertx.createHttpClient(options(service, clientName, maxPoolSize));
    }

    HttpClientOptions options(String service, String clientName, int maxPoolSize) {
        Address address = address(service);
        HttpClientOptions options = new HttpClientOptions()
                .setName(clientName)
                .setDefaultHost(address.host())
                .setDefaultPort(address.port())
                .setConnectTimeout((int) config.upstream().connectTimeout().toMillis())
                .setMaxPoolSize(maxPoolSize)
                .setKeepAlive(true)
                // Below a Quarkus server's idle timeout, so we do not reuse a connection it is closing.
                .setKeepAliveTimeout(30);
        if (address.tls()) {
            options.setSsl(true).setVerifyHost(true).setForceSni(true);
            service(service)
                    .trustCertificate()
                    .ifPresent(pem -> options.setTrustOptions(new PemTrustOptions().addCertPath(pem)));
        }
        return options;
    }

    private GatewayConfig.Service service(String service) {
        GatewayConfig.Service s = config.services().get(service);
        if (s == null) {
            throw new IllegalStateException("no gateway.services." + service + ".url");
        }
        return s;
    }
}
