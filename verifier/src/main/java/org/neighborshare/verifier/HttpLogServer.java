package org.neighborshare.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.neighborshare.shared.audit.AuditEventType.LogName;

/** The public log endpoints of a deployment, read anonymously over HTTP(S) like any client. */
public final class HttpLogServer implements LogServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;

    public HttpLogServer(URI base) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public byte[] checkpoint(LogName log) {
        return get("api/public/logs/" + log.path() + "/checkpoint");
    }

    @Override
    public List<byte[]> consistencyProof(LogName log, long from, long to) {
        JsonNode proof = json("api/public/logs/" + log.path() + "/proof/consistency?from=" + from + "&to=" + to);
        if (proof.path("from").asLong(-1) != from || proof.path("to").asLong(-1) != to) {
            throw new LogReadException("the consistency proof answered is not for sizes " + from + " to " + to);
        }
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode hash : proof.path("hashes")) {
            hashes.add(hex(hash.asText()));
        }
        return hashes;
    }

    @Override
    public List<LoggedEntry> entries(LogName log, long start, int limit) {
        JsonNode page = json("api/public/logs/" + log.path() + "/entries?start=" + start + "&limit=" + limit);
        if (!page.isArray()) {
            throw new LogReadException("the entries of the " + log.path() + " log are not a JSON array");
        }
        List<LoggedEntry> entries = new ArrayList<>();
        for (JsonNode item : page) {
            try {
                entries.add(new LoggedEntry(
                        item.path("index").asLong(-1),
                        hex(item.path("leafHash").asText()),
                        Base64.getDecoder().decode(item.path("entry").asText())));
            } catch (IllegalArgumentException e) {
                throw new LogReadException("entry " + item.path("index").asText("?") + " of the " + log.path()
                        + " log is malformed: " + e.getMessage());
            }
        }
        return entries;
    }

    @Override
    public int pageSize() {
        return 1000;
    }

    private JsonNode json(String path) {
        try {
            return JSON.readTree(get(path));
        } catch (IOException e) {
            throw new LogReadException(path + " is not JSON: " + e.getMessage());
        }
    }

    private byte[] get(String path) {
        URI uri = base.resolve(path);
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new LogReadException("GET " + uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new LogReadException("GET " + uri + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogReadException("interrupted");
        }
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }
}
