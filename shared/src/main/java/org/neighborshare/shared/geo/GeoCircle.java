package org.neighborshare.shared.geo;

/**
 * A circle on the earth's surface, by centre and radius in metres. Which cameras lie inside is decided in SQL
 * (consent-service's {@code CameraMatch}, haversine on {@link #EARTH_RADIUS_M}), within this circle's bounding box.
 */
public record GeoCircle(double latitude, double longitude, double radiusMeters) {

    public static final double EARTH_RADIUS_M = 6_371_008.8;
    private static final double SQUARE_METERS_PER_SQUARE_MILE = 2_589_988.110336;

    public double areaSquareMiles() {
        return Math.PI * radiusMeters * radiusMeters / SQUARE_METERS_PER_SQUARE_MILE;
    }

    /** Half-height of the bounding box in degrees of latitude; lets SQL use an index before the exact test. */
    public double latitudeSpanDegrees() {
        return Math.toDegrees(radiusMeters / EARTH_RADIUS_M);
    }

    public double longitudeSpanDegrees() {
        return latitudeSpanDegrees() / Math.max(0.01, Math.cos(Math.toRadians(latitude)));
    }
}
