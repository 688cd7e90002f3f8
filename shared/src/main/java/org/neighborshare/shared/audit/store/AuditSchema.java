package org.neighborshare.shared.audit.store;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

/**
 * The audit log's tables, one SQL source for every service: the Flyway migrations in {@code db/audit} of this
 * library, applied as the owner role into schema {@code audit} with their own history table, so they never mix
 * with a service's own migration numbers. The afterMigrate callback grants the runtime role what it may do.
 */
public final class AuditSchema {

    public static final String SCHEMA = "audit";
    public static final String HISTORY_TABLE = "audit_schema_history";

    private static final String LOCATION = "db/audit";
    // Listed, not scanned: classpath scanning of a library jar differs between Quarkus, tests and plain Java.
    private static final List<String> FILES = List.of("V1__audit_log.sql", "afterMigrate.sql");
    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private AuditSchema() {}

    /**
     * Migrates the audit schema through {@code owner} (a data source connecting as the owner role) and grants
     * {@code runtimeRole} SELECT and INSERT on the log, and the usual rights on the service's own tables.
     */
    public static void migrate(String jdbcUrl, String ownerUser, String ownerPassword, String runtimeRole) {
        migrate(
                Flyway.configure(AuditSchema.class.getClassLoader())
                        .dataSource(jdbcUrl, ownerUser, ownerPassword)
                        .getDataSource(),
                runtimeRole);
    }

    /** The same, through a data source that connects as the owner role. */
    public static void migrate(DataSource owner, String runtimeRole) {
        if (!ROLE.matcher(runtimeRole).matches()) {
            throw new IllegalArgumentException(
                    "the runtime role must be a plain lower-case PostgreSQL name: " + runtimeRole);
        }
        ClassLoader loader = AuditSchema.class.getClassLoader();
        Flyway.configure(loader)
                .dataSource(owner)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .table(HISTORY_TABLE)
                .resourceProvider(new ListedResources(loader))
                .placeholders(Map.of("runtime_role", runtimeRole))
                .load()
                .migrate();
    }

    /** The listed files of {@code db/audit}, read through the class loader. */
    private static final class ListedResources implements ResourceProvider {
        private final ClassLoader loader;
        private final Location location = new Location("classpath:" + LOCATION);

        ListedResources(ClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public LoadableResource getResource(String name) {
            return FILES.contains(name) ? resource(name) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return FILES.stream()
                    .filter(f -> f.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(f::endsWith))
                    .map(this::resource)
                    .toList();
        }

        private LoadableResource resource(String file) {
            String path = LOCATION + "/" + file;
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing from the classpath: " + path);
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(path, e);
            }
            return new ClassPathResource(location, path, loader, StandardCharsets.UTF_8);
        }
    }
}
