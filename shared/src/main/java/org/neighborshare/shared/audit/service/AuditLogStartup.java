package org.neighborshare.shared.audit.service;

import io.quarkus.arc.properties.UnlessBuildProperty;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.neighborshare.shared.audit.config.AuditConfig;
import org.neighborshare.shared.audit.store.AuditSchema;

/**
 * At start, before any other startup work of the service (demo data may append facts): refuses a publishing
 * interval above 10 s, migrates the audit schema as the owner role ({@code quarkus.flyway.username}, else the
 * datasource's user), and loads the signing key, so a bad key stops the service instead of its first checkpoint.
 */
@ApplicationScoped
@UnlessBuildProperty(name = "neighbors.audit.log", stringValue = "none", enableIfMissing = false)
public class AuditLogStartup {

    private static final Logger LOG = Logger.getLogger(AuditLogStartup.class);

    void start(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            AuditConfig audit,
            Config config,
            CheckpointPublisher publisher) {
        Duration every = audit.publishEvery();
        if (every.isNegative() || every.isZero() || every.compareTo(AuditConfig.MAX_PUBLISH_EVERY) > 0) {
            throw new IllegalStateException("neighbors.audit.publish-every must be above 0 and at most "
                    + AuditConfig.MAX_PUBLISH_EVERY.toSeconds() + "s, not " + every);
        }
        String runtimeRole = config.getValue("quarkus.datasource.username", String.class);
        String url = flyway(config, "jdbc-url")
                .orElseGet(() -> config.getValue("quarkus.datasource.jdbc.url", String.class));
        String owner = flyway(config, "username").orElse(runtimeRole);
        String password = flyway(config, "password")
                .or(() -> config.getOptionalValue("quarkus.datasource.password", String.class))
                .orElse("");
        AuditSchema.migrate(url, owner, password, runtimeRole);
        LOG.infof(
                "audit log %s: schema migrated as %s, service runs as %s, checkpoints signed by %s",
                audit.log(), owner, runtimeRole, publisher.verifierKey().toVkey());
    }

    private static Optional<String> flyway(Config config, String key) {
        return config.getOptionalValue("quarkus.flyway." + key, String.class).filter(v -> !v.isBlank());
    }
}
