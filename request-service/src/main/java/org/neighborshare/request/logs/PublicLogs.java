package org.neighborshare.request.logs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.neighborshare.shared.audit.AuditEventType.LogName;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.audit.Checkpoint;
import org.neighborshare.shared.audit.MerkleTree;
import org.neighborshare.shared.audit.SignedNote;
import org.neighborshare.shared.audit.promise.LoggedFact;

/**
 * A copy of the three public logs, kept up to date incrementally: each read fetches the latest checkpoints and only
 * the entries added since. The copy is checked the way any reader checks it (each entry hashes to its stated leaf
 * hash, the tree of all entries gives the checkpoint's root); a log that fails is dropped and read again in full
 * next time. Signatures are the verifier's job (it is configured with the keys a user trusts).
 */
@ApplicationScoped
public class PublicLogs {

    private static final Logger LOG = Logger.getLogger(PublicLogs.class);
    private static final int PAGE = 1000;

    @Inject
    @RestClient
    PublicLogsClient client;

    /** One log as read: its checkpoint (the signed note as served), the facts up to its size. */
    public record LogCopy(LogName log, String checkpoint, long size, byte[] rootHash, List<LoggedFact> facts) {}

    private static final class Copy {
        final List<byte[]> leaves = new ArrayList<>();
        final List<LoggedFact> facts = new ArrayList<>();
        long rootSize = -1;
        byte[] root;
    }

    private final Map<LogName, Copy> copies = new EnumMap<>(LogName.class);

    /** Every log at its latest checkpoint. */
    public synchronized Map<LogName, LogCopy> read() {
        Map<LogName, LogCopy> result = new EnumMap<>(LogName.class);
        for (LogName log : LogName.values()) {
            result.put(log, read(log));
        }
        return result;
    }

    private LogCopy read(LogName log) {
        byte[] note = client.checkpoint(log.path());
        Checkpoint checkpoint = Checkpoint.parse(SignedNote.parse(note).text());
        Copy copy = copies.computeIfAbsent(log, l -> new Copy());
        if (checkpoint.size() < copy.leaves.size()) {
            // A smaller tree than the one read before: start over (the verifier calls this a fork).
            LOG.warnf(
                    "the %s log's checkpoint shrank from %d to %d entries",
                    log.path(), copy.leaves.size(), checkpoint.size());
            copy = new Copy();
            copies.put(log, copy);
        }
        while (copy.leaves.size() < checkpoint.size()) {
            long start = copy.leaves.size();
            int limit = (int) Math.min(PAGE, checkpoint.size() - start);
            List<PublicLogsClient.EntryView> page = client.entries(log.path(), start, limit);
            if (page.isEmpty()) {
                copies.remove(log);
                throw new IllegalStateException("the " + log.path() + " log serves no entry " + start);
            }
            for (PublicLogsClient.EntryView view : page) {
                long index = copy.leaves.size();
                if (index >= checkpoint.size()) {
                    break;
                }
                byte[] entry = Base64.getDecoder().decode(view.entry());
                byte[] leaf = MerkleTree.leafHash(entry);
                if (view.index() != index
                        || !MessageDigest.isEqual(leaf, HexFormat.of().parseHex(view.leafHash()))) {
                    copies.remove(log);
                    throw new IllegalStateException("entry " + index + " of the " + log.path() + " log does not hash"
                            + " to its stated leaf hash or is out of place");
                }
                copy.leaves.add(leaf);
                try {
                    AuditFact fact = AuditFact.parse(entry);
                    if (fact.type().log() == log) {
                        copy.facts.add(new LoggedFact(log, index, fact));
                    }
                } catch (IllegalArgumentException e) {
                    // Not a fact: counted by nobody here; the verifier names it.
                    LOG.warnf("entry %d of the %s log is not a canonical fact", index, log.path());
                }
            }
        }
        if (copy.rootSize != checkpoint.size()) {
            copy.root = MerkleTree.root(copy.leaves.subList(0, Math.toIntExact(checkpoint.size())));
            copy.rootSize = checkpoint.size();
        }
        if (!MessageDigest.isEqual(copy.root, checkpoint.rootHash())) {
            copies.remove(log);
            throw new IllegalStateException("the " + log.path() + " log's entries do not give its checkpoint's root");
        }
        return new LogCopy(
                log,
                new String(note, StandardCharsets.UTF_8),
                checkpoint.size(),
                checkpoint.rootHash(),
                List.copyOf(copy.facts));
    }
}
