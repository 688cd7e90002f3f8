package org.neighborshare.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The local state file: the last verified checkpoint of each log (by origin), so that the next run can prove the
 * log only grew since. Written atomically (temp file, then rename); a file that cannot be read is an error, never
 * silently a fresh start (that would forget a fork).
 */
public final class SeenCheckpoints {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A checkpoint this verifier accepted: its size, root and the signed note as served. */
    public record Seen(long size, byte[] rootHash, String note) {}

    private final Path file;
    private final Map<String, Seen> seen = new TreeMap<>();

    private SeenCheckpoints(Path file) {
        this.file = file;
    }

    public static SeenCheckpoints load(Path file) {
        SeenCheckpoints state = new SeenCheckpoints(file);
        if (!Files.exists(file)) {
            return state;
        }
        try {
            JsonNode logs = JSON.readTree(Files.readAllBytes(file)).path("logs");
            for (Iterator<Map.Entry<String, JsonNode>> it = logs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> log = it.next();
                JsonNode value = log.getValue();
                if (!value.path("size").canConvertToLong()) {
                    throw new IOException("the size of " + log.getKey() + " is not a number");
                }
                state.seen.put(
                        log.getKey(),
                        new Seen(
                                value.path("size").asLong(),
                                Base64.getDecoder()
                                        .decode(value.path("rootHash").asText()),
                                value.path("note").asText()));
            }
            return state;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("the state file " + file + " cannot be read (" + e.getMessage()
                    + "); move it away to start over, knowing that the checkpoints it holds are then forgotten");
        }
    }

    public Path file() {
        return file;
    }

    public Optional<Seen> last(String origin) {
        return Optional.ofNullable(seen.get(origin));
    }

    public void remember(String origin, Seen checkpoint) {
        seen.put(origin, checkpoint);
    }

    public void save() {
        ObjectNode root = JSON.createObjectNode();
        root.put("about", "Neighbor Share verifier: the last checkpoint verified per log");
        ObjectNode logs = root.putObject("logs");
        seen.forEach((origin, s) -> logs.putObject(origin)
                .put("size", s.size())
                .put("rootHash", Base64.getEncoder().encodeToString(s.rootHash()))
                .put("note", s.note()));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".verifier-state", ".tmp");
            Files.write(temp, JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the state file " + file + ": " + e.getMessage(), e);
        }
    }
}
