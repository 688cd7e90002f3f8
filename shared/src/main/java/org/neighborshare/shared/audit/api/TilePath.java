package org.neighborshare.shared.audit.api;

import org.neighborshare.shared.problem.ProblemException;

/**
 * A C2SP tlog-tiles path after {@code tile/}: {@code <L>/<N>[.p/<W>]} or {@code entries/<N>[.p/<W>]}, where N is
 * written in 3-digit groups, all but the last prefixed with {@code x} (1234067 is {@code x001/x234/067}). Only the
 * canonical spelling is accepted, so every tile has one URL (and one cache entry).
 */
record TilePath(boolean entries, int level, long index, int width, boolean partial) {

    static final int FULL = 256;

    static TilePath parse(String path) {
        String[] parts = path.split("/", -1);
        boolean entries = parts[0].equals("entries");
        int level = entries ? 0 : (int) Numbers.parse("L", parts[0], 0, 63);
        int end = parts.length;
        int width = FULL;
        boolean partial = false;
        if (end >= 3 && parts[end - 2].endsWith(".p")) {
            width = (int) Numbers.parse("W", parts[end - 1], 1, FULL - 1);
            parts[end - 2] = parts[end - 2].substring(0, parts[end - 2].length() - 2);
            partial = true;
            end--;
        }
        if (end < 2 || end - 1 > 6) {
            throw ProblemException.malformedField("N", "the tile index as x001/x234/067");
        }
        long index = 0;
        for (int i = 1; i < end; i++) {
            String group = parts[i];
            boolean last = i == end - 1;
            String digits = last ? group : group.startsWith("x") ? group.substring(1) : "";
            if (!digits.matches("[0-9]{3}") || (i == 1 && !last && digits.equals("000"))) {
                throw ProblemException.malformedField("N", "the tile index as x001/x234/067");
            }
            index = index * 1000 + Integer.parseInt(digits);
        }
        return new TilePath(entries, level, index, width, partial);
    }
}
