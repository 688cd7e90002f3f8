package org.neighborshare.shared.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The public audit log of this process (issue 12). Every key has a default so that a process without a log (the
 * gateway) starts; a data service names its log, and {@code %prod} reads the key and the secret from the
 * environment (see each service's application.properties).
 */
@ConfigMapping(prefix = "neighbors.audit")
public interface AuditConfig {

    /** The longest allowed {@link #publishEvery()}: issue 12 promises a checkpoint at least every 10 seconds. */
    Duration MAX_PUBLISH_EVERY = Duration.ofSeconds(10);

    /**
     * The log this service owns ({@code agency}, {@code request}, {@code consent}), or {@code none}. Also read at
     * build time: the audit beans and endpoints exist only where it names a log.
     */
    @WithDefault("none")
    String log();

    /**
     * Whether this service also answers {@code GET /api/public/logs}, the list of all three logs (build time; the
     * gateway sends that path to agency-service, which sets it).
     */
    @WithDefault("false")
    boolean listsAllLogs();

    /** The domain of the checkpoint origins, {@code <log-domain>/<log>-service}. */
    @WithDefault("neighborshare.example")
    String logDomain();

    /**
     * Base64 of the PKCS#8 Ed25519 private key that signs this log's checkpoints. Absent outside {@code %prod}:
     * then the LOCAL DEMO key of the log in {@code local-demo-keys/audit-<log>-signing-key.txt}.
     */
    Optional<String> signingKey();

    /** How often the publisher signs a checkpoint when the log has grown; at most 10 s. */
    @WithDefault("5s")
    Duration publishEvery();

    /** Where this service reaches the other logs' public endpoints (for {@code /api/public/logs}): the gateway. */
    @WithDefault("${NEIGHBORS_GATEWAY_URL:http://localhost:8080}")
    String gatewayUrl();

    /**
     * The HMAC key of owner and member commitments and reviewer ids in entries. The default is a LOCAL DEMO value;
     * {@code %prod} reads it from the environment.
     */
    @WithDefault("LOCAL-DEMO-commitment-secret-never-use-in-a-deployment")
    String commitmentSecret();
}
