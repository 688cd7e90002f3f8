package org.neighborshare.shared.geo;

/** A circle on the earth's surface, by centre and radius in metres. Distances use the haversine formula. */
public record GeoCircle(double latitude, double longitude, double radiusMeters) {

    public static final double EARTH_RADIUS_M = 6_371_008.8;
    public static final double SQUARE_METERS_PER_SQUARE_MILE = 2_589_988.110336;

    public double areaSquareMiles() {
        return Math.PI * radiusMeters * radiusMeters / SQUARE_METERS_PER_SQUARE_MILE;
    }

    public boolean contains(double lat, double lon) {
        return distanceMeters(latitude, longitude, lat, lon) <= radiusMeters;
    }

    public static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
    }

    /** Half-height of the bounding box in degrees of latitude; lets SQL use an index before the exact test. */
    public double latitudeSpanDegrees() {
        return Math.toDegrees(radiusMeters / EARTH_RADIUS_M);
    }

    public double longitudeSpanDegrees() {
        return latitudeSpanDegrees() / Math.max(0.01, Math.cos(Math.toRadians(latitude)));
    }
}
