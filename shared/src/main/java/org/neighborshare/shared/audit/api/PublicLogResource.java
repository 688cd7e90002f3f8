package org.neighborshare.shared.audit.api;

import io.quarkus.arc.properties.UnlessBuildProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.neighborshare.shared.audit.api.PublicLogViews.ConsistencyProofView;
import org.neighborshare.shared.audit.api.PublicLogViews.EntryView;
import org.neighborshare.shared.audit.api.PublicLogViews.InclusionProofView;
import org.neighborshare.shared.audit.api.PublicLogViews.LogView;
import org.neighborshare.shared.audit.service.CheckpointPublisher;
import org.neighborshare.shared.audit.service.PublicLogs;
import org.neighborshare.shared.audit.store.AuditStore;
import org.neighborshare.shared.problem.ProblemException;

/**
 * The public read endpoints of this service's log (README "The audit log"), PUBLIC through the gateway: the latest
 * checkpoint, entries, proofs, and the C2SP tlog-tiles. Registered by each data service through
 * {@code neighbors.audit.log}; {@code {log}} is that log, any other is a 404. Every bad parameter is a problem naming
 * it; a valid one beyond the tree is a 422 (or a 404 for a tile or entry that does not exist yet).
 */
@Path("/api/public/logs/{log}")
@UnlessBuildProperty(name = "neighbors.audit.log", stringValue = "none", enableIfMissing = false)
public class PublicLogResource {

    static final String OCTETS = "application/octet-stream";
    static final String CHECKPOINT_TYPE = "text/plain; charset=utf-8";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** A partial tile never changes either, but tlog-tiles lets a log drop it once the full tile exists. */
    static final String PARTIAL = "public, max-age=3600";

    static final int MAX_ENTRIES = 1000;
    private static final HexFormat HEX = HexFormat.of();

    private final PublicLogs logs;
    private final CheckpointPublisher publisher;

    PublicLogResource(PublicLogs logs, CheckpointPublisher publisher) {
        this.logs = logs;
        this.publisher = publisher;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public LogView one(@PathParam("log") String log) {
        requireOwn(log);
        return own();
    }

    private LogView own() {
        return view(logs, publisher);
    }

    static LogView view(PublicLogs logs, CheckpointPublisher publisher) {
        long size =
                logs.latestCheckpoint().map(AuditStore.StoredCheckpoint::size).orElse(0L);
        return new LogView(
                publisher.log().path(),
                publisher.origin(),
                publisher.verifierKey().toVkey(),
                size);
    }

    @GET
    @Path("checkpoint")
    @Produces(CHECKPOINT_TYPE)
    public Response checkpoint(@PathParam("log") String log) {
        requireOwn(log);
        byte[] note = logs.latestCheckpoint()
                .orElseThrow(() -> ProblemException.notFound("a checkpoint"))
                .note();
        // Mutable: a new one every few seconds while the log grows.
        return Response.ok(note, CHECKPOINT_TYPE)
                .header("Cache-Control", "no-cache")
                .build();
    }

    /** {@code tile/<L>/<N>[.p/<W>]} and {@code tile/entries/<N>[.p/<W>]}, as C2SP tlog-tiles names them. */
    @GET
    @Path("tile/{path: .+}")
    @Produces(OCTETS)
    public Response tile(@PathParam("log") String log, @PathParam("path") String path) {
        requireOwn(log);
        TilePath tile = TilePath.parse(path);
        var bytes = tile.entries()
                ? logs.entryBundle(tile.index(), tile.width())
                : logs.hashTile(tile.level(), tile.index(), tile.width());
        return Response.ok(bytes.orElseThrow(() -> ProblemException.notFound("the tile " + path)), OCTETS)
                .header("Cache-Control", tile.partial() ? PARTIAL : IMMUTABLE)
                .build();
    }

    @GET
    @Path("entries/{index}")
    @Produces(MediaType.APPLICATION_JSON)
    public EntryView entry(@PathParam("log") String log, @PathParam("index") String index) {
        requireOwn(log);
        long i = Numbers.parse("index", index, 0, Long.MAX_VALUE);
        return logs.read((c, s) -> s.entry(c, i))
                .map(PublicLogResource::view)
                .orElseThrow(() -> ProblemException.notFound("entry " + i));
    }

    @GET
    @Path("entries")
    @Produces(MediaType.APPLICATION_JSON)
    public List<EntryView> entries(
            @PathParam("log") String log, @QueryParam("start") String start, @QueryParam("limit") String limit) {
        requireOwn(log);
        long from = start == null ? 0 : Numbers.parse("start", start, 0, Long.MAX_VALUE - MAX_ENTRIES);
        int count = limit == null ? 100 : (int) Numbers.parse("limit", limit, 1, MAX_ENTRIES);
        return logs.read((c, s) -> s.entries(c, from, count)).stream()
                .map(PublicLogResource::view)
                .toList();
    }

    @GET
    @Path("proof/inclusion")
    @Produces(MediaType.APPLICATION_JSON)
    public InclusionProofView inclusion(
            @PathParam("log") String log,
            @QueryParam("index") String index,
            @QueryParam("leafHash") String leafHash,
            @QueryParam("size") String size) {
        requireOwn(log);
        if ((index == null) == (leafHash == null)) {
            throw ProblemException.malformedField(
                    index == null ? "index" : "leafHash", "give either index or leafHash, not both and not neither");
        }
        long n = treeSize("size", size);
        long i;
        if (index != null) {
            i = Numbers.parse("index", index, 0, Long.MAX_VALUE);
        } else {
            OptionalLong found = logs.indexOf(hash("leafHash", leafHash));
            i = found.orElseThrow(() -> ProblemException.notFound("an entry with this leafHash"));
        }
        if (i >= n) {
            throw ProblemException.invalidField(
                    index != null ? "index" : "leafHash", "entry " + i + " is not in the tree of size " + n);
        }
        List<byte[]> proof = logs.read((c, s) -> s.inclusionProof(c, i, n));
        return new InclusionProofView(i, n, hex(proof));
    }

    @GET
    @Path("proof/consistency")
    @Produces(MediaType.APPLICATION_JSON)
    public ConsistencyProofView consistency(
            @PathParam("log") String log, @QueryParam("from") String from, @QueryParam("to") String to) {
        requireOwn(log);
        if (from == null) {
            throw ProblemException.malformedField("from", "required");
        }
        long m = Numbers.parse("from", from, 1, Long.MAX_VALUE);
        long n = treeSize("to", to);
        if (m > n) {
            throw ProblemException.invalidField("from", "above to (" + n + ")");
        }
        List<byte[]> proof = logs.read((c, s) -> s.consistencyProof(c, m, n));
        return new ConsistencyProofView(m, n, hex(proof));
    }

    /** A tree size named by {@code field}: at most the tree's; absent, the latest checkpoint's. */
    private long treeSize(String field, String value) {
        long current = logs.treeSize();
        if (value == null) {
            long size = logs.latestCheckpoint()
                    .map(AuditStore.StoredCheckpoint::size)
                    .orElse(0L);
            if (size == 0) {
                throw ProblemException.invalidField(field, "no checkpoint of a non-empty tree yet; give " + field);
            }
            return size;
        }
        long size = Numbers.parse(field, value, 1, Long.MAX_VALUE);
        if (size > current) {
            throw ProblemException.invalidField(field, "above the tree size " + current);
        }
        return size;
    }

    private void requireOwn(String log) {
        if (!publisher.log().path().equals(log)) {
            throw ProblemException.notFound("the log " + (log.length() > 20 ? "" : log));
        }
    }

    private static byte[] hash(String field, String value) {
        if (!value.matches("[0-9a-f]{64}")) {
            throw ProblemException.malformedField(field, "64 lowercase hex digits (a SHA-256)");
        }
        return HEX.parseHex(value);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private static EntryView view(AuditStore.StoredEntry e) {
        return new EntryView(
                e.index(), HEX.formatHex(e.leafHash()), Base64.getEncoder().encodeToString(e.entry()));
    }
}
