package org.neighborshare.verifier;

import java.io.PrintStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neighborshare.shared.audit.AuditEventType.LogName;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.audit.Checkpoint;
import org.neighborshare.shared.audit.InvalidNoteException;
import org.neighborshare.shared.audit.MerkleTree;
import org.neighborshare.shared.audit.promise.Finding;
import org.neighborshare.shared.audit.promise.LoggedFact;
import org.neighborshare.shared.audit.promise.PromiseChecker;
import org.neighborshare.shared.audit.promise.PromiseReport;

/**
 * One verification of a deployment's three public logs, from what anyone can download:
 *
 * <ol>
 *   <li>the latest checkpoint of each log, signed by a trusted key and naming that log's origin;
 *   <li>against the last checkpoint this verifier saw of that log (the state file): a smaller tree, or the same size
 *       with another root, is a fork; a larger one must be proved consistent, by the log's consistency proof and by
 *       recomputing the old root from the entries;
 *   <li>every entry up to the checkpoint's size: served in order, hashing to the leaf hash the log states, a
 *       canonical fact of that log; the tree recomputed from them gives the checkpoint's root;
 *   <li>the platform's promises over the entries of all three logs ({@link PromiseChecker}).
 * </ol>
 *
 * A log whose checks all pass has its checkpoint remembered in the state file; a failing one never replaces the
 * last good checkpoint.
 */
public final class Verifier {

    private final LogServer server;
    private final TrustedKeys keys;
    private final SeenCheckpoints state;
    private final String logDomain;
    private final PromiseChecker promises;
    private final PrintStream out;

    public Verifier(
            LogServer server,
            TrustedKeys keys,
            SeenCheckpoints state,
            String logDomain,
            Duration retentionGrace,
            PrintStream out) {
        this.server = server;
        this.keys = keys;
        this.state = state;
        this.logDomain = logDomain;
        this.promises = new PromiseChecker(retentionGrace);
        this.out = out;
    }

    /** What a run found; {@link #passed()} when nothing. */
    public record Outcome(List<Problem> problems, Optional<PromiseReport> promises) {

        public Outcome {
            problems = List.copyOf(problems);
        }

        public boolean passed() {
            return problems.isEmpty();
        }
    }

    public Outcome run() {
        List<Problem> problems = new ArrayList<>();
        Map<LogName, List<LoggedFact>> facts = new EnumMap<>(LogName.class);
        boolean allRead = true;
        for (LogName log : LogName.values()) {
            List<Problem> found = new ArrayList<>();
            Optional<List<LoggedFact>> read = verifyLog(log, found);
            read.ifPresent(f -> facts.put(log, f));
            allRead &= read.isPresent();
            problems.addAll(found);
        }
        Optional<PromiseReport> report = Optional.empty();
        if (allRead) {
            report = Optional.of(checkPromises(facts, problems));
        } else {
            out.println("promises: not checked, since not every log could be read in full");
        }
        state.save();
        out.println();
        if (problems.isEmpty()) {
            out.println("RESULT: PASSED — every checkpoint, proof, entry and promise checked is as it should be");
        } else {
            out.println("RESULT: FAILED — " + problems.size() + " problem(s):");
            problems.forEach(p -> out.println("  FAILED " + p.describe()));
        }
        return new Outcome(problems, report);
    }

    /** The log's facts, once its entries are all read (even if some checks failed); empty if they could not be. */
    private Optional<List<LoggedFact>> verifyLog(LogName log, List<Problem> problems) {
        String origin = log.origin(logDomain);
        out.println();
        out.println(log.path() + " log (" + origin + ")");
        Checkpoint checkpoint;
        byte[] note;
        try {
            note = server.checkpoint(log);
            TrustedKeys.Verified verified = keys.verify(note);
            checkpoint = Checkpoint.parse(verified.text());
            if (!checkpoint.origin().equals(origin)) {
                throw new InvalidNoteException("the checkpoint names the log " + checkpoint.origin());
            }
            out.println("  checkpoint: size " + checkpoint.size() + ", root " + b64(checkpoint.rootHash())
                    + ", signed by " + verified.key().name() + "+"
                    + String.format("%08x", verified.key().keyId())
                    + (keys.demo() ? " (LOCAL DEMO key)" : "") + ": OK");
        } catch (InvalidNoteException e) {
            problems.add(
                    new Problem(log, -1, Problem.SIGNATURE, "the latest checkpoint is refused: " + e.getMessage()));
            out.println("  checkpoint: REFUSED (" + e.getMessage() + ")");
            return Optional.empty();
        } catch (LogReadException e) {
            problems.add(new Problem(log, -1, Problem.READ, e.getMessage()));
            out.println("  checkpoint: cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }

        Optional<SeenCheckpoints.Seen> last = state.last(origin);
        boolean forked = false;
        if (last.isEmpty()) {
            out.println("  last checkpoint seen: none (first run with " + state.file() + "): nothing to prove yet");
        } else {
            forked = !consistentWithLast(log, checkpoint, last.get(), problems);
        }

        List<byte[]> leafHashes = new ArrayList<>();
        List<LoggedFact> facts = new ArrayList<>();
        try {
            readEntries(log, checkpoint.size(), leafHashes, facts, problems);
        } catch (LogReadException e) {
            problems.add(new Problem(log, -1, Problem.READ, e.getMessage()));
            out.println("  entries: cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
        if (leafHashes.size() == checkpoint.size()) {
            byte[] root = MerkleTree.root(leafHashes);
            if (MessageDigest.isEqual(root, checkpoint.rootHash())) {
                out.println("  tree recomputed from the " + leafHashes.size() + " entries: root " + b64(root)
                        + " = the checkpoint's: OK");
            } else {
                problems.add(new Problem(
                        log,
                        -1,
                        Problem.ROOT,
                        "the " + leafHashes.size() + " entries give the root " + b64(root) + ", the signed checkpoint"
                                + " says " + b64(checkpoint.rootHash()) + " (entries changed, removed, added or"
                                + " reordered)"));
                out.println("  tree recomputed from the entries: root " + b64(root) + " DIFFERS from the checkpoint's");
            }
            last.filter(l -> l.size() > 0 && l.size() < leafHashes.size()).ifPresent(l -> {
                byte[] oldRoot = MerkleTree.root(leafHashes.subList(0, Math.toIntExact(l.size())));
                if (!MessageDigest.isEqual(oldRoot, l.rootHash())) {
                    problems.add(new Problem(
                            log,
                            -1,
                            Problem.CONSISTENCY,
                            "the first " + l.size() + " entries give the root " + b64(oldRoot)
                                    + ", the checkpoint seen before says " + b64(l.rootHash())
                                    + " (the log was rewritten since)"));
                    out.println("  first " + l.size() + " entries against the checkpoint seen before: DIFFER");
                }
            });
        }
        boolean clean = problems.isEmpty();
        if (clean && !forked) {
            state.remember(origin, new SeenCheckpoints.Seen(checkpoint.size(), checkpoint.rootHash(), utf8(note)));
        }
        return Optional.of(facts);
    }

    /** Whether the new checkpoint extends the last one seen (adds a problem when not). */
    private boolean consistentWithLast(
            LogName log, Checkpoint checkpoint, SeenCheckpoints.Seen last, List<Problem> problems) {
        String seen = "last checkpoint seen: size " + last.size() + ", root " + b64(last.rootHash());
        if (checkpoint.size() < last.size()) {
            problems.add(new Problem(
                    log,
                    -1,
                    Problem.FORK,
                    "a signed checkpoint for a tree of " + checkpoint.size() + " entries after one of " + last.size()
                            + " (a log only grows: two different histories were signed)"));
            out.println("  " + seen + ": the new one is SMALLER, a fork");
            return false;
        }
        if (checkpoint.size() == last.size()) {
            if (MessageDigest.isEqual(checkpoint.rootHash(), last.rootHash())) {
                out.println("  " + seen + ": unchanged: OK");
                return true;
            }
            problems.add(new Problem(
                    log,
                    -1,
                    Problem.FORK,
                    "two signed checkpoints of size " + last.size() + " with different roots (two histories)"));
            out.println("  " + seen + ": same size, OTHER root, a fork");
            return false;
        }
        if (last.size() == 0) {
            out.println("  " + seen + ": every tree extends the empty one: OK");
            return true;
        }
        try {
            List<byte[]> proof = server.consistencyProof(log, last.size(), checkpoint.size());
            if (MerkleTree.verifyConsistency(
                    last.size(), checkpoint.size(), proof, last.rootHash(), checkpoint.rootHash())) {
                out.println("  " + seen + ": consistency proof " + last.size() + " -> " + checkpoint.size() + " ("
                        + proof.size() + " hashes): OK");
                return true;
            }
            problems.add(new Problem(
                    log,
                    -1,
                    Problem.CONSISTENCY,
                    "the consistency proof from size " + last.size() + " to " + checkpoint.size()
                            + " does not verify against the checkpoint seen before (the log was rewritten)"));
        } catch (LogReadException e) {
            problems.add(new Problem(
                    log,
                    -1,
                    Problem.CONSISTENCY,
                    "no consistency proof from size " + last.size() + " to " + checkpoint.size() + ": "
                            + e.getMessage()));
        }
        out.println("  " + seen + ": consistency proof to " + checkpoint.size() + " FAILED");
        return false;
    }

    private void readEntries(
            LogName log, long size, List<byte[]> leafHashes, List<LoggedFact> facts, List<Problem> problems) {
        int pageSize = server.pageSize();
        int badHashes = 0;
        int badEntries = 0;
        long next = 0;
        while (next < size) {
            int limit = (int) Math.min(pageSize, size - next);
            List<LoggedEntry> page = server.entries(log, next, limit);
            if (page.isEmpty()) {
                break;
            }
            for (LoggedEntry entry : page) {
                if (next >= size) {
                    break;
                }
                if (entry.index() != next) {
                    problems.add(new Problem(
                            log,
                            next,
                            Problem.ENTRIES,
                            "the log served entry " + entry.index() + " where entry " + next + " belongs (a gap or"
                                    + " a reordering)"));
                    // Count it where it stands: the recomputed root then shows the damage as well.
                }
                byte[] computed = MerkleTree.leafHash(entry.entry());
                if (!Arrays.equals(computed, entry.leafHash())) {
                    badHashes++;
                    problems.add(new Problem(
                            log,
                            next,
                            Problem.LEAF_HASH,
                            "its bytes hash to " + hex(computed) + ", the log states the leaf hash "
                                    + hex(entry.leafHash()) + " (the entry was changed after it was logged)"));
                }
                leafHashes.add(computed);
                try {
                    AuditFact fact = AuditFact.parse(entry.entry());
                    if (fact.type().log() != log) {
                        throw new IllegalArgumentException(fact.type().wireName() + " belongs in the "
                                + fact.type().log().path() + " log");
                    }
                    facts.add(new LoggedFact(log, next, fact));
                } catch (IllegalArgumentException e) {
                    badEntries++;
                    problems.add(
                            new Problem(log, next, Problem.ENTRY_FORMAT, "not a fact of this log: " + e.getMessage()));
                }
                next++;
            }
        }
        if (next < size) {
            problems.add(new Problem(
                    log,
                    next,
                    Problem.ENTRIES,
                    "the log serves " + next + " entries, its signed checkpoint says " + size
                            + " (entries were removed)"));
        }
        out.println("  entries 0.." + (next - 1) + " downloaded: " + (next - badHashes) + " hash to their stated leaf"
                + " hash" + (badHashes > 0 ? ", " + badHashes + " DO NOT" : "") + "; " + facts.size()
                + " canonical facts" + (badEntries > 0 ? ", " + badEntries + " NOT" : ""));
    }

    private PromiseReport checkPromises(Map<LogName, List<LoggedFact>> facts, List<Problem> problems) {
        PromiseReport report =
                promises.check(facts.get(LogName.AGENCY), facts.get(LogName.REQUEST), facts.get(LogName.CONSENT));
        out.println();
        out.println("promises (deletion at retention: grace " + promises.retentionGrace() + ")");
        out.println("  " + report.downloadsChecked() + " clip downloads checked against " + report.sharesSeen()
                + " shares, " + report.revocationsSeen() + " revocations and " + report.agencyStateChanges()
                + " agency state changes: " + report.unbackedDownloads() + " not backed by a valid share");
        out.println("  " + report.retentionDeletionsChecked() + " deletions at retention checked");
        for (Finding finding : report.findings()) {
            problems.add(new Problem(
                    finding.log(),
                    finding.index(),
                    finding.promise().name(),
                    finding.promise().statement() + ": " + finding.detail()));
        }
        out.println(
                report.kept()
                        ? "  every promise kept: OK"
                        : "  " + report.findings().size() + " broken: FAILED");
        return report;
    }

    private static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    private static String hex(byte[] hash) {
        return java.util.HexFormat.of().formatHex(hash);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
