package org.neighborshare.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.flywaydb.core.Flyway;
import org.neighborshare.consent.service.CameraMatch;
import org.neighborshare.shared.geo.GeoCircle;

/**
 * Camera matching on a real PostgreSQL 17 with consent-service's own migrations and SQL ({@link CameraMatch}):
 * latency of finding the cameras (grouped by owner, as the delivery does) in a published request's area,
 * p50/p99, for the smallest and the largest legal areas, and the fan-out of one request to 10,000 matching
 * cameras (the delivery statement that puts it into every owner's inbox). Two layouts ({@code -Dlayout}):
 * {@code national} (default, 10,000,000 cameras: ten metro clusters of 300,000 to 1,000,000 cameras within 30 km
 * of their centres, densest at the centre, and the rest spread over the continental United States) and
 * {@code uniform} (1,000,000 cameras over ~100 km × 100 km, the earlier figure). Also the time to build the
 * position index over the seeded table and its size. Prints its figures; the README quotes them.
 */
public final class CameraMatchingBenchmark {

    static final String LAYOUT = System.getProperty("layout", "national");
    static final int QUERIES = Integer.getInteger("queries", 1_000);
    static final String POSITION_INDEX = "camera_match_point";
    static final int OWNERS = 7_000_000;

    /** A metro cluster: centre and how many cameras lie within {@link #CLUSTER_RADIUS_M} of it. */
    record Metro(String name, double lat, double lon, int cameras) {}

    static final double CLUSTER_RADIUS_M = 30_000;
    static final List<Metro> METROS = List.of(
            new Metro("new-york", 40.71, -74.00, 1_000_000),
            new Metro("los-angeles", 34.05, -118.24, 900_000),
            new Metro("chicago", 41.88, -87.63, 800_000),
            new Metro("houston", 29.76, -95.37, 700_000),
            new Metro("phoenix", 33.45, -112.07, 600_000),
            new Metro("philadelphia", 39.95, -75.17, 500_000),
            new Metro("dallas", 32.78, -96.80, 500_000),
            new Metro("san-diego", 32.72, -117.16, 400_000),
            new Metro("seattle", 47.60, -122.33, 300_000),
            new Metro("atlanta", 33.75, -84.39, 300_000));
    /** The spread-out rest: the continental United States' bounding box. */
    static final double SPREAD_LAT0 = 25, SPREAD_LAT_SPAN = 24, SPREAD_LON0 = -124, SPREAD_LON_SPAN = 57;

    static final int SPREAD = 4_000_000;

    /** The uniform layout of the earlier figure. */
    static final double LAT0 = 45.0, LON0 = -123.0, LAT_SPAN = 0.9, LON_SPAN = 1.27; // ~100 km × 100 km

    static final int UNIFORM = 1_000_000;
    static final int UNIFORM_OWNERS = 700_000;

    /** Every 50th owner opted out (2 %): owners 'owner-1', 'owner-51', …, as {@link #optOut} records them. */
    static final int OPTED_OUT_EVERY = 50;

    /**
     * The camera's copy of its owner's opt-out (consent-service keeps it equal to owner_settings, migration V6),
     * for the owner number {@code ownerNumber} (SQL), set as it is seeded rather than by an update of every row.
     */
    static String optedOut(String ownerNumber) {
        return "(" + ownerNumber + ") % " + OPTED_OUT_EVERY + " = 1";
    }

    /** The owners' settings behind {@link #optedOut}: owner numbers 1, 51, 101, … below {@code owners}. */
    static void optOut(Statement s, int owners) throws Exception {
        s.execute("insert into owner_settings (owner_id, opted_out, updated_at) select 'owner-' || i, true, now() "
                + "from generate_series(1, " + (owners - 1) + ", " + OPTED_OUT_EVERY + ") i");
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("maintenance_work_mem", "1GB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("checkpoint_timeout", "30min")
                .start()) {
            DataSource ds = pg.getPostgresDatabase();
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            try (Connection c = ds.getConnection()) {
                String indexDef =
                        scalar(c, "select indexdef from pg_indexes where indexname = '" + POSITION_INDEX + "'");
                try (Statement s = c.createStatement()) {
                    // Built once over the whole table below (the time a migration takes on a full table), not row
                    // by row while seeding; the key and the owner index too (bulk load, then index).
                    s.execute("drop index " + POSITION_INDEX);
                    s.execute("drop index camera_owner");
                    s.execute("alter table camera drop constraint camera_pkey");
                }
                long t0 = System.nanoTime();
                int cameras = LAYOUT.equals("uniform") ? seedUniform(c) : seedNational(c);
                System.out.printf(
                        Locale.ROOT,
                        "layout %s: seeded %,d cameras in %.1f s%n",
                        LAYOUT,
                        cameras,
                        (System.nanoTime() - t0) / 1e9);
                // The seeding writes the copy itself; it must say what the settings say, or the figures would
                // match cameras the service would not.
                System.out.println(
                        "cameras whose opt-out differs from their owner's settings (must be 0): " + scalar(c, """
                        select count(*) from camera c left join owner_settings s on s.owner_id = c.owner_id
                        where c.owner_opted_out <> coalesce(s.opted_out, false)"""));
                try (Statement s = c.createStatement()) {
                    s.execute("alter table camera add primary key (id)");
                    s.execute("create index camera_owner on camera (owner_id)");
                    long t = System.nanoTime();
                    s.execute(indexDef);
                    double built = (System.nanoTime() - t) / 1e9;
                    // Index-only scans need the visibility map, which autovacuum keeps in a running database.
                    s.execute("vacuum analyze camera");
                    s.execute("vacuum analyze owner_settings");
                    System.out.printf(
                            Locale.ROOT,
                            "index %s: built in %.1f s, %s (table %s)%n  %s%n",
                            POSITION_INDEX,
                            built,
                            scalar(c, "select pg_size_pretty(pg_relation_size('" + POSITION_INDEX + "'))"),
                            scalar(c, "select pg_size_pretty(pg_relation_size('camera'))"),
                            indexDef);
                }
                System.out.println(
                        LAYOUT.equals("uniform")
                                ? plan(c, "the middle", new GeoCircle(LAT0 + LAT_SPAN / 2, LON0 + LON_SPAN / 2, 642))
                                : plan(
                                        c,
                                        "the densest centre",
                                        new GeoCircle(
                                                METROS.get(0).lat(),
                                                METROS.get(0).lon(),
                                                642)));
                for (double radius : new double[] {144, 642}) {
                    if (LAYOUT.equals("uniform")) {
                        matching(
                                c,
                                radius,
                                "uniform",
                                r -> new double[] {
                                    LAT0 + 0.05 + r.nextDouble() * (LAT_SPAN - 0.1),
                                    LON0 + 0.07 + r.nextDouble() * (LON_SPAN - 0.14)
                                },
                                cameras);
                    } else {
                        Metro densest = METROS.get(0);
                        matching(
                                c,
                                radius,
                                "densest cluster, within 3 km of its centre",
                                r -> around(densest, 3_000 * Math.sqrt(r.nextDouble()), r),
                                cameras);
                        matching(
                                c,
                                radius,
                                "where the cameras are (a random camera's place)",
                                CameraMatchingBenchmark::cameraPlace,
                                cameras);
                        matching(
                                c,
                                radius,
                                "anywhere (uniform over the country's box)",
                                r -> new double[] {
                                    SPREAD_LAT0 + r.nextDouble() * SPREAD_LAT_SPAN,
                                    SPREAD_LON0 + r.nextDouble() * SPREAD_LON_SPAN
                                },
                                cameras);
                    }
                }
                fanOut(c);
            }
        }
    }

    /** A point {@code distance} metres from the metro's centre in a random direction. */
    static double[] around(Metro m, double distance, Random r) {
        double a = r.nextDouble() * 2 * Math.PI;
        return new double[] {
            m.lat() + Math.toDegrees(distance * Math.cos(a) / GeoCircle.EARTH_RADIUS_M),
            m.lon()
                    + Math.toDegrees(distance * Math.sin(a) / GeoCircle.EARTH_RADIUS_M)
                            / Math.cos(Math.toRadians(m.lat()))
        };
    }

    /** Drawn like the seeded cameras: a metro by its size (its density falls off from the centre), or the spread. */
    static double[] cameraPlace(Random r) {
        int total = SPREAD + METROS.stream().mapToInt(Metro::cameras).sum();
        int pick = r.nextInt(total);
        for (Metro m : METROS) {
            if (pick < m.cameras()) {
                return around(m, CLUSTER_RADIUS_M * Math.pow(r.nextDouble(), 0.75), r);
            }
            pick -= m.cameras();
        }
        return new double[] {
            SPREAD_LAT0 + r.nextDouble() * SPREAD_LAT_SPAN, SPREAD_LON0 + r.nextDouble() * SPREAD_LON_SPAN
        };
    }

    static int seedNational(Connection c) throws Exception {
        int offset = 0;
        try (Statement s = c.createStatement()) {
            s.execute("set synchronous_commit = off");
            for (Metro m : METROS) {
                // Distance from the centre 30 km × u^0.75: about 11,000 cameras within 1 km of the largest centre
                // (~3,400 per km²), thinning towards the edge.
                s.execute(String.format(
                        Locale.ROOT,
                        """
                        insert into camera (id, owner_id, label, latitude, longitude, status, created_at, owner_opted_out)
                        select gen_random_uuid(), 'owner-' || ((i + %d) %% %d), 'cam',
                               %f + degrees(d * cos(a) / %f), %f + degrees(d * sin(a) / %f) / cos(radians(%f)),
                               case when i %% 20 = 0 then 'PAUSED' else 'ACTIVE' end, now(), %s
                        from (select i, %f * power(random(), 0.75) as d, 2 * pi() * random() as a
                              from generate_series(1, %d) i) p""",
                        offset,
                        OWNERS,
                        m.lat(),
                        GeoCircle.EARTH_RADIUS_M,
                        m.lon(),
                        GeoCircle.EARTH_RADIUS_M,
                        m.lat(),
                        optedOut("(i + " + offset + ") % " + OWNERS),
                        CLUSTER_RADIUS_M,
                        m.cameras()));
                offset += m.cameras();
            }
            seedBox(
                    s,
                    "(i + " + offset + ") % " + OWNERS,
                    SPREAD_LAT0,
                    SPREAD_LAT_SPAN,
                    SPREAD_LON0,
                    SPREAD_LON_SPAN,
                    SPREAD);
            offset += SPREAD;
            optOut(s, OWNERS);
        }
        return offset;
    }

    /**
     * {@code count} cameras uniformly over a latitude/longitude box, camera {@code i} owned by owner number
     * {@code ownerNumber} (an SQL expression of {@code i}); every 20th paused, the opt-out as {@link #optedOut}.
     */
    static void seedBox(
            Statement s, String ownerNumber, double lat0, double latSpan, double lon0, double lonSpan, int count)
            throws Exception {
        s.execute(String.format(
                Locale.ROOT, """
                insert into camera (id, owner_id, label, latitude, longitude, status, created_at, owner_opted_out)
                select gen_random_uuid(), 'owner-' || (%s), 'cam', %f + random() * %f, %f + random() * %f,
                       case when i %% 20 = 0 then 'PAUSED' else 'ACTIVE' end, now(), %s
                from generate_series(1, %d) i""", ownerNumber, lat0, latSpan, lon0, lonSpan, optedOut(ownerNumber), count));
    }

    static int seedUniform(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("set synchronous_commit = off");
            seedBox(s, "i % " + UNIFORM_OWNERS, LAT0, LAT_SPAN, LON0, LON_SPAN, UNIFORM);
            optOut(s, UNIFORM_OWNERS);
        }
        return UNIFORM;
    }

    static String scalar(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The plan of one 0.5 sq mi query, to show the index-only scan (no heap fetch, no other table read). */
    static String plan(Connection c, String where, GeoCircle area) throws Exception {
        StringBuilder b = new StringBuilder("plan (0.5 sq mi at " + where + "):\n");
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("explain (analyze, buffers) select c.owner_id, count(*) "
                        + CameraMatch.fromWhere(area) + " group by c.owner_id")) {
            while (rs.next()) {
                b.append("  ").append(rs.getString(1)).append('\n');
            }
        }
        return b.toString();
    }

    static void matching(Connection c, double radius, String where, Function<Random, double[]> centre, int cameras)
            throws Exception {
        Random random = new Random(42);
        Histogram h = new Histogram(60_000_000_000L, 3);
        long found = 0;
        for (int i = -200; i < QUERIES; i++) {
            double[] p = centre.apply(random);
            GeoCircle area = new GeoCircle(p[0], p[1], radius);
            long t = System.nanoTime();
            int owners = 0;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "select c.owner_id, count(*) " + CameraMatch.fromWhere(area) + " group by c.owner_id")) {
                while (rs.next()) {
                    owners++;
                }
            }
            long took = System.nanoTime() - t;
            if (i >= 0) { // the first 200 warm the caches and the JIT
                h.recordValue(took);
                found += owners;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "match %,d cameras, radius %3.0f m (%.3f sq mi), %s, %d queries: "
                        + "p50 %.2f ms, p99 %.2f ms, max %.2f ms, owners found per query %.1f%n",
                cameras,
                radius,
                new GeoCircle(0, 0, radius).areaSquareMiles(),
                where,
                QUERIES,
                h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6,
                found / (double) QUERIES);
    }

    static void fanOut(Connection c) throws Exception {
        GeoCircle area = new GeoCircle(51.5, -100.0, 500); // north of every seeded camera
        Random random = new Random(7);
        try (PreparedStatement ins = c.prepareStatement("insert into camera (id, owner_id, label, latitude, longitude, "
                + "status, created_at) values (?, ?, 'cam', ?, ?, 'ACTIVE', now())")) {
            for (int i = 0; i < 10_000; i++) {
                double r = 480 * Math.sqrt(random.nextDouble());
                double a = random.nextDouble() * 2 * Math.PI;
                ins.setObject(1, UUID.randomUUID());
                ins.setString(2, "fan-owner-" + i);
                ins.setDouble(3, area.latitude() + Math.toDegrees(r * Math.cos(a) / GeoCircle.EARTH_RADIUS_M));
                ins.setDouble(
                        4,
                        area.longitude()
                                + Math.toDegrees(r * Math.sin(a) / GeoCircle.EARTH_RADIUS_M)
                                        / Math.cos(Math.toRadians(area.latitude())));
                ins.addBatch();
            }
            ins.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("analyze camera");
        }
        Histogram h = new Histogram(60_000_000_000L, 3);
        int reached = 0;
        for (int run = 0; run < 6; run++) {
            UUID request = UUID.randomUUID();
            try (PreparedStatement p = c.prepareStatement("""
                    insert into published_request (request_id, agency_id, case_number, incident_type, description,
                      window_start, window_end, latitude, longitude, radius_meters, emergency, published_at, expires_at, state,
                      count_noise_cameras, count_noise_neighbours, count_noise_clips)
                    values (?, ?, 'BENCH', 'BURGLARY', 'fan-out', now() - interval '3 hours', now() - interval '2 hours',
                      ?, ?, ?, false, now(), now() + interval '7 days', 'OPEN', 0, 0, 0)""")) {
                p.setObject(1, request);
                p.setObject(2, UUID.randomUUID());
                p.setDouble(3, area.latitude());
                p.setDouble(4, area.longitude());
                p.setDouble(5, area.radiusMeters());
                p.executeUpdate();
            }
            long t = System.nanoTime();
            try (PreparedStatement d = c.prepareStatement(CameraMatch.deliverySql(area))) {
                d.setObject(1, request);
                d.setBoolean(2, false);
                d.setTimestamp(3, Timestamp.from(Instant.now()));
                reached = d.executeUpdate(); // autocommit: committed, i.e. visible in every inbox, on return
            }
            if (run > 0) { // the first run warms up
                h.recordValue(System.nanoTime() - t);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "fan-out of one request to %,d matching cameras (%,d owners): "
                        + "p50 %.0f ms, max %.0f ms over %d runs (target ≤ 2000 ms)%n",
                10_000,
                reached,
                h.getValueAtPercentile(50) / 1e6,
                h.getMaxValue() / 1e6,
                h.getTotalCount());
    }
}
