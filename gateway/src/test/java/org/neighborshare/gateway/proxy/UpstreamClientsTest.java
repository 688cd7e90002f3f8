package org.neighborshare.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neighborshare.gateway.agency.AgencyStates;
import org.neighborshare.gateway.config.GatewayConfig;
import org.neighborshare.gateway.resilience.CircuitBreakers;
import org.neighborshare.gateway.routing.Requester;
import org.neighborshare.gateway.token.InternalTokenMinter;

/**
 * The gateway's upstream clients follow the URL: https means TLS on 443 or the given port, for the proxy and the
 * agency-state lookup alike. The lookup is run for real against an https server whose self-signed certificate is
 * made by keytool for this test.
 */
class UpstreamClientsTest {

    private static final String AGENCY = "5d1d0a6e-8f4b-4a52-9c55-7a1f3c2b9e01";

    @TempDir
    static Path dir;

    static Vertx vertx;
    static HttpServer tlsAgencyService;
    static Path trustedCert;
    static final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startAnHttpsAgencyService() throws Exception {
        Path keystore = dir.resolve("agency.p12");
        trustedCert = dir.resolve("agency.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "agency",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "test-only");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "agency",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "test-only",
                "-file",
                trustedCert.toString());
        vertx = Vertx.vertx();
        tlsAgencyService = vertx.createHttpServer(new HttpServerOptions()
                        .setSsl(true)
                        .setKeyCertOptions(
                                new PfxOptions().setPath(keystore.toString()).setPassword("test-only")))
                .requestHandler(req -> {
                    seen.add(req.isSSL() + " " + req.path() + " " + (req.getHeader("Authorization") != null));
                    req.response()
                            .putHeader("Content-Type", "application/json")
                            .end("{\"state\":\"APPROVED\",\"reason\":null}");
                })
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theSchemeDecidesTlsAndTheDefaultPort() {
        assertEquals(
                new UpstreamClients.Address("agency.internal", 443, true),
                UpstreamClients.Address.of("agency-service", "https://agency.internal"));
        assertEquals(
                new UpstreamClients.Address("agency.internal", 8443, true),
                UpstreamClients.Address.of("agency-service", "HTTPS://agency.internal:8443/ignored"));
        assertEquals(
                new UpstreamClients.Address("localhost", 80, false),
                UpstreamClients.Address.of("agency-service", "http://localhost"));
        assertEquals(
                new UpstreamClients.Address("localhost", 8081, false),
                UpstreamClients.Address.of("agency-service", "http://localhost:8081"));
        for (String bad : List.of("ftp://x", "localhost:8081", "/relative", "https:///nohost")) {
            assertThrows(IllegalStateException.class, () -> UpstreamClients.Address.of("agency-service", bad), bad);
        }
    }

    @Test
    void anHttpsUrlGivesAVerifyingTlsClient() {
        UpstreamClients clients = new UpstreamClients(vertx, config("https://agency.internal"));
        HttpClientOptions options = clients.options("agency-service", "t", 4);
        assertTrue(options.isSsl());
        assertTrue(options.isVerifyHost());
        assertFalse(options.isTrustAll());
        assertEquals(443, options.getDefaultPort());
        assertEquals("agency.internal", options.getDefaultHost());
        HttpClientOptions plain =
                new UpstreamClients(vertx, config("http://agency.internal")).options("agency-service", "t", 4);
        assertFalse(plain.isSsl());
        assertEquals(80, plain.getDefaultPort());
    }

    @Test
    void theAgencyStateIsLookedUpOverHttps() throws Exception {
        GatewayConfig config = config("https://localhost:" + tlsAgencyService.actualPort());
        AgencyStates states = new AgencyStates(
                new UpstreamClients(vertx, config),
                config,
                new FixedToken(config),
                new CircuitBreakers(vertx, config, new SimpleMeterRegistry()));
        AgencyStates.Status status =
                states.status(AGENCY).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(status.approved(), status.toString());
        assertEquals(List.of("true /api/directory/agencies/" + AGENCY + "/status true"), seen);
    }

    /** The internal token is not what this test is about. Not a bean: the gateway has its own minter. */
    @jakarta.enterprise.inject.Vetoed
    static final class FixedToken extends InternalTokenMinter {
        FixedToken(GatewayConfig config) {
            super(config);
        }

        @Override
        public String tokenFor(Requester requester, String service) {
            return "test-token";
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "keytool failed: " + out);
    }

    /** Just the configuration these classes read. */
    private static GatewayConfig config(String agencyUrl) {
        GatewayConfig.Service service = stub(
                GatewayConfig.Service.class,
                Map.of(
                        "url",
                        agencyUrl,
                        "trustCertificate",
                        Optional.ofNullable(trustedCert).map(Path::toString)));
        return stub(
                GatewayConfig.class,
                Map.of(
                        "services", Map.of("agency-service", service),
                        "upstream",
                                stub(
                                        GatewayConfig.Upstream.class,
                                        Map.of(
                                                "connectTimeout",
                                                Duration.ofSeconds(2),
                                                "timeout",
                                                Duration.ofSeconds(5),
                                                "maxConnectionsPerService",
                                                4)),
                        "agencyState", stub(GatewayConfig.AgencyState.class, Map.of("cacheFor", Duration.ofSeconds(4))),
                        "circuitBreaker",
                                stub(
                                        GatewayConfig.CircuitBreaker.class,
                                        Map.of("failureThreshold", 5, "openFor", Duration.ofSeconds(5))),
                        "internalToken",
                                stub(
                                        GatewayConfig.InternalTokenConfig.class,
                                        Map.of(
                                                "keyId",
                                                "local-demo-1",
                                                "signingKeyLocation",
                                                "classpath:local-demo-keys/internal-signing-key-1.pem",
                                                "lifetime",
                                                Duration.ofSeconds(30),
                                                "reuseFor",
                                                Duration.ofSeconds(10)))));
    }

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (!values.containsKey(method.getName())) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
            }
            return values.get(method.getName());
        });
    }
}
