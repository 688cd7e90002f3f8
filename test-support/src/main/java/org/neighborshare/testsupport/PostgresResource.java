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

    /** The role the service under test runs as (LOCAL DEMO password). */
    public static final String RUNTIME_ROLE = "svc_runtime";

    /** zonky's superuser, which runs the migrations and owns the tables. */
    public static final String OWNER = "postgres";

    private static EmbeddedPostgres server;

    /** A superuser connection to the test database, for tests that act as the operator. */
    public static Connection ownerConnection() throws java.sql.SQLException {
        return server.getDatabase(OWNER, "svc_test").getConnection();
    }

    /** A connection as the runtime role, for tests of what the service itself may do. */
    public static Connection runtimeConnection() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(
                server.getJdbcUrl(RUNTIME_ROLE, "svc_test"), RUNTIME_ROLE, RUNTIME_ROLE);
    }

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
            try (Connection c = server.getPostgresDatabase().getConnection()) {
                c.createStatement()
                        .execute("do $$ begin if not exists (select from pg_roles where rolname = '" + RUNTIME_ROLE
                                + "') then create role " + RUNTIME_ROLE + " login password '" + RUNTIME_ROLE
                                + "'; end if; end $$");
            }
            // As in production: the service runs as a role that owns nothing, the migrations as the owner.
            return Map.of(
                    "quarkus.datasource.jdbc.url", server.getJdbcUrl("postgres", db),
                    "quarkus.datasource.username", RUNTIME_ROLE,
                    "quarkus.datasource.password", RUNTIME_ROLE,
                    "quarkus.flyway.username", OWNER,
                    "quarkus.flyway.password", OWNER);
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
