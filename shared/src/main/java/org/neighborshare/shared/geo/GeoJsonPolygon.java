package org.neighborshare.shared.geo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.neighborshare.shared.problem.ProblemException;

/**
 * A jurisdiction as a GeoJSON Polygon (RFC 7946: [longitude, latitude], closed rings). Parsing is where its
 * rules live: closed, at most {@link #MAX_VERTICES} vertices, valid and not self-intersecting (JTS).
 */
public final class GeoJsonPolygon {

    public static final int MAX_VERTICES = 2000;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final Polygon polygon;

    private GeoJsonPolygon(Polygon polygon) {
        this.polygon = polygon;
    }

    /** Parses and validates; any failure is a 422 problem naming {@code field}. */
    public static GeoJsonPolygon parse(JsonNode node, String field) {
        if (node == null || node.isNull() || !node.isObject()) {
            throw ProblemException.invalidField(field, "must be a GeoJSON Polygon object");
        }
        if (!"Polygon".equals(node.path("type").asText())) {
            throw ProblemException.invalidField(field, "type must be \"Polygon\"");
        }
        JsonNode rings = node.path("coordinates");
        if (!rings.isArray() || rings.isEmpty()) {
            throw ProblemException.invalidField(field, "coordinates must hold at least one ring");
        }
        int vertices = 0;
        List<LinearRing> parsed = new ArrayList<>();
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 4) {
                throw ProblemException.invalidField(field, "each ring needs at least 4 positions");
            }
            vertices += ring.size() - 1;
            if (vertices > MAX_VERTICES) {
                throw ProblemException.invalidField(field, "more than " + MAX_VERTICES + " vertices");
            }
            Coordinate[] coords = new Coordinate[ring.size()];
            for (int i = 0; i < ring.size(); i++) {
                JsonNode pos = ring.get(i);
                if (!pos.isArray()
                        || pos.size() < 2
                        || !pos.get(0).isNumber()
                        || !pos.get(1).isNumber()) {
                    throw ProblemException.invalidField(field, "positions must be [longitude, latitude]");
                }
                double lon = pos.get(0).asDouble();
                double lat = pos.get(1).asDouble();
                if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                    throw ProblemException.invalidField(field, "position out of range: " + pos);
                }
                coords[i] = new Coordinate(lon, lat);
            }
            if (!coords[0].equals2D(coords[coords.length - 1])) {
                throw ProblemException.invalidField(field, "ring is not closed (first and last positions differ)");
            }
            parsed.add(GEOMETRY.createLinearRing(coords));
        }
        Polygon polygon = GEOMETRY.createPolygon(
                parsed.get(0), parsed.subList(1, parsed.size()).toArray(LinearRing[]::new));
        IsValidOp validity = new IsValidOp(polygon);
        if (!validity.isValid()) {
            throw ProblemException.invalidField(
                    field, "invalid polygon: " + validity.getValidationError().getMessage());
        }
        return new GeoJsonPolygon(polygon);
    }

    public boolean contains(double latitude, double longitude) {
        Point p = GEOMETRY.createPoint(new Coordinate(longitude, latitude));
        return polygon.covers(p);
    }
}
