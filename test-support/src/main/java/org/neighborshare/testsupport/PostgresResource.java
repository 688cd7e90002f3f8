package org.neighborshare.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.util.Map;

/**
 * A real PostgreSQL (zonky's binaries, no Docker) for a service's @QuarkusTest. One server per test JVM;
 * each service gets its own database in it, as in production.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres server;

    @Override
    public Map<String, String> start() {
        try {
            synchronized (PostgresResource.class) {
                if (server == null) {
                    server = EmbeddedPostgres.builder().start();
                    Runtime.getRuntime().addShutdownHook(new Thread(PostgresResource::close));
                }
            }
            String db = "svc_test";
            try (Connection c = server.getPostgresDatabase().getConnection()) {
                var rs = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + db + "'");
                if (!rs.next()) {
                    c.createStatement().execute("create database " + db);
                }
            }
            return Map.of(
                    "quarkus.datasource.jdbc.url", server.getJdbcUrl("postgres", db),
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres");
        } catch (Exception e) {
            throw new IllegalStateException("could not start embedded PostgreSQL", e);
        }
    }

    @Override
    public void stop() {
        // Kept for the remaining test classes of this JVM; closed by the shutdown hook.
    }

    private static void close() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (Exception ignored) {
            // the JVM is exiting
        }
    }
}
