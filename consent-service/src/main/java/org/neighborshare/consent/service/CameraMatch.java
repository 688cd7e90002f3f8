package org.neighborshare.consent.service;

import java.util.Locale;
import org.neighborshare.shared.geo.GeoCircle;

/**
 * Which cameras a request's area reaches: active cameras of owners who have not opted out, inside the circle.
 * The box around the circle lets PostgreSQL use the partial GiST index on {@code point(longitude, latitude)}
 * (migrations V5 and V6; the expression must stay exactly that one for the index to match); the haversine test makes it
 * exact.
 * The owner's opt-out is read from the camera row ({@code owner_opted_out}, kept by {@link OwnerOptOut}), not from
 * owner_settings: the index's predicate leaves those cameras out too (migration V6), so a dense area is answered
 * from the index alone, without a key lookup of the owner per camera found (README, "Camera matching"). The
 * conditions on status and opt-out must stay exactly the index's predicate for the planner to use it.
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
                  and not c.owner_opted_out
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
