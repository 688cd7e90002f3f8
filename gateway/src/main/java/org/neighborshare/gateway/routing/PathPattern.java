package org.neighborshare.gateway.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route path pattern over canonical path segments. Deliberately tiny (no regex, no wildcards inside a
 * segment) so that what a pattern admits is obvious from reading the route table.
 */
public final class PathPattern {

    private static final String REST = "**";

    private final String source;
    private final List<String> segments;
    /** Per segment, the name it captures, or null for a literal: decided once here, not per call. */
    private final String[] captureNames;

    private final boolean open;

    private PathPattern(String source, List<String> segments, boolean open) {
        this.source = source;
        this.segments = segments;
        this.open = open;
        this.captureNames = new String[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            captureNames[i] = isCapture(s) ? s.substring(1, s.length() - 1) : null;
        }
    }

    public static PathPattern parse(String pattern) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("path pattern must start with '/': " + pattern);
        }
        String[] raw = pattern.substring(1).split("/", -1);
        List<String> segments = new ArrayList<>();
        boolean open = false;
        for (int i = 0; i < raw.length; i++) {
            String s = raw[i];
            if (s.isEmpty()) {
                throw new IllegalArgumentException("empty segment in path pattern: " + pattern);
            }
            if (s.equals(REST)) {
                if (i != raw.length - 1) {
                    throw new IllegalArgumentException("'**' may only end a path pattern: " + pattern);
                }
                open = true;
            } else if (s.contains("*") || s.contains("{") && !isCapture(s)) {
                throw new IllegalArgumentException("bad segment '" + s + "' in path pattern: " + pattern);
            } else {
                segments.add(s);
            }
        }
        return new PathPattern(pattern, List.copyOf(segments), open);
    }

    /** Captured values by name when the path matches. */
    public Optional<Map<String, String>> match(List<String> path) {
        if (open ? path.size() < segments.size() : path.size() != segments.size()) {
            return Optional.empty();
        }
        // Literals first, so that a path that does not match allocates nothing.
        for (int i = 0; i < captureNames.length; i++) {
            if (captureNames[i] == null && !segments.get(i).equals(path.get(i))) {
                return Optional.empty();
            }
        }
        Map<String, String> captures = Map.of();
        for (int i = 0; i < captureNames.length; i++) {
            if (captureNames[i] != null) {
                if (captures.isEmpty()) {
                    captures = new HashMap<>();
                }
                captures.put(captureNames[i], path.get(i));
            }
        }
        return Optional.of(captures);
    }

    public boolean captures(String name) {
        return segments.contains("{" + name + "}");
    }

    public String firstSegment() {
        return segments.isEmpty() ? "" : segments.get(0);
    }

    @Override
    public String toString() {
        return source;
    }

    private static boolean isCapture(String s) {
        return s.length() > 2
                && s.startsWith("{")
                && s.endsWith("}")
                && s.substring(1, s.length() - 1).matches("[A-Za-z][A-Za-z0-9]*");
    }
}
