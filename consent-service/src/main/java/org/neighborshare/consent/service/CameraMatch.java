package org.neighborshare.consent.service;

import java.util.Locale;
import org.neighborshare.shared.geo.GeoCircle;

/**
 * Which cameras a request's area reaches: active cameras of owners who have not opted out, inside the circle.
 * The box around the circle lets PostgreSQL use the partial GiST index on {@code point(longitude, latitude)}
 * (migration V5; the expression must stay exactly that one for the index to match); the haversine test makes it
 * exact.
 * The opt-out is a subquery per camera found, not a join: PostgreSQL cannot estimate how many cameras a box holds,
 * so with a join it hashed the whole owner_settings table for every request (100 ms at 140,000 rows), where the
 * subquery reads the owner's row by its key (README, "Camera matching").
 * One definition, used by the delivery and by the matching benchmark. Only numbers are inlined, formatted here.
 */
public final class CameraMatch {

    private CameraMatch() {}

    /**
     * The delivery: records which cameras were asked (only their clips may be shared for the request), then one
     * inbox item per owner reached, counting their cameras in the area; idempotent. JDBC parameters: 1 request id
     * (uuid), 2 urgent (boolean), 3 received at (timestamp). The update count is the number of owners reached.
     */
    public static String deliverySql(GeoCircle area) {
        return """
                with asked as (
                    insert into inbox_camera (request_id, owner_id, camera_id)
                    select ?, c.owner_id, c.id
                """ + fromWhere(area) + """
                    on conflict do nothing
                    returning request_id, owner_id
                )
                insert into inbox_item (id, owner_id, request_id, cameras, urgent, received_at, response)
                select gen_random_uuid(), owner_id, request_id, count(*), ?, ?, 'NONE'
                from asked
                group by owner_id, request_id
                on conflict (owner_id, request_id) do nothing
                """;
    }

    /** FROM and WHERE over {@code camera c} for the active cameras of owners not opted out in {@code area}. */
    public static String fromWhere(GeoCircle area) {
        return String.format(
                Locale.ROOT,
                """
                from camera c
                where c.status = 'ACTIVE'
                  and not coalesce((select s.opted_out from owner_settings s where s.owner_id = c.owner_id), false)
                  and point(c.longitude, c.latitude) <@ box(point(%.9f, %.9f), point(%.9f, %.9f))
                  and 2 * %.1f * asin(sqrt(power(sin(radians(c.latitude - %.9f) / 2), 2)
                      + cos(radians(%.9f)) * cos(radians(c.latitude))
                      * power(sin(radians(c.longitude - %.9f) / 2), 2))) <= %.3f
                """,
                area.longitude() - area.longitudeSpanDegrees(),
                area.latitude() - area.latitudeSpanDegrees(),
                area.longitude() + area.longitudeSpanDegrees(),
                area.latitude() + area.latitudeSpanDegrees(),
                GeoCircle.EARTH_RADIUS_M,
                area.latitude(),
                area.latitude(),
                area.longitude(),
                area.radiusMeters());
    }
}
