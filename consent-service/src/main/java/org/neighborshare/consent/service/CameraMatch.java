package org.neighborshare.consent.service;

import java.util.Locale;
import org.neighborshare.shared.geo.GeoCircle;

/**
 * Which cameras a request's area reaches: active cameras of owners who have not opted out, inside the circle.
 * The latitude/longitude box lets PostgreSQL use the partial position index; the haversine test makes it exact.
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

    /** FROM and WHERE over {@code camera c} (joined with {@code owner_settings s}) for the cameras in {@code area}. */
    public static String fromWhere(GeoCircle area) {
        return String.format(
                Locale.ROOT,
                """
                from camera c
                left join owner_settings s on s.owner_id = c.owner_id
                where c.status = 'ACTIVE' and coalesce(s.opted_out, false) = false
                  and c.latitude between %.9f and %.9f
                  and c.longitude between %.9f and %.9f
                  and 2 * %.1f * asin(sqrt(power(sin(radians(c.latitude - %.9f) / 2), 2)
                      + cos(radians(%.9f)) * cos(radians(c.latitude))
                      * power(sin(radians(c.longitude - %.9f) / 2), 2))) <= %.3f
                """,
                area.latitude() - area.latitudeSpanDegrees(),
                area.latitude() + area.latitudeSpanDegrees(),
                area.longitude() - area.longitudeSpanDegrees(),
                area.longitude() + area.longitudeSpanDegrees(),
                GeoCircle.EARTH_RADIUS_M,
                area.latitude(),
                area.latitude(),
                area.longitude(),
                area.radiusMeters());
    }
}
