package org.neighborshare.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the journeys did that later journeys and the final check depend on: the requests published during the
 * run (each must end up in every owner's inbox) and those with a share (investigators list and download their
 * clips).
 */
final class Ledger {

    private final Set<String> published = ConcurrentHashMap.newKeySet();
    private final List<String> shared = new CopyOnWriteArrayList<>();
    private final Set<String> sharedOnce = ConcurrentHashMap.newKeySet();

    void published(String requestId) {
        published.add(requestId);
    }

    int publishedCount() {
        return published.size();
    }

    void shared(String requestId) {
        if (sharedOnce.add(requestId)) {
            shared.add(requestId);
        }
    }

    /** A request with at least one share, or null before the first share. */
    String anyShared() {
        List<String> s = shared;
        return s.isEmpty() ? null : s.get(ThreadLocalRandom.current().nextInt(s.size()));
    }

    /** The published requests an inbox (its JSON body) does not list. */
    List<String> missingFrom(String inboxJson) {
        Set<String> listed = new HashSet<>();
        for (JsonNode item : parse(inboxJson)) {
            listed.add(item.path("requestId").asText());
        }
        List<String> missing = new ArrayList<>();
        for (String id : published) {
            if (!listed.contains(id)) {
                missing.add(id);
            }
        }
        return missing;
    }

    /**
     * The first request of an inbox the owner has not answered yet ({@code response} NONE) and may answer now:
     * its id and window start, or null.
     */
    static String[] firstUnanswered(String inboxJson) {
        for (JsonNode item : parse(inboxJson)) {
            if (item.path("answerable").asBoolean()
                    && "NONE".equals(item.path("response").asText("NONE"))) {
                return new String[] {
                    item.path("requestId").asText(), item.path("windowStart").asText()
                };
            }
        }
        return null;
    }

    private static JsonNode parse(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
