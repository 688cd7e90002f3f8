package org.neighborshare.verifier;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.neighborshare.shared.audit.AuditEventType.LogName;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.audit.Checkpoint;
import org.neighborshare.shared.audit.MerkleTree;
import org.neighborshare.shared.audit.NoteSigner;

/**
 * A deployment in memory, as a dishonest operator could run it: the entries and the leaf hashes it states are its
 * own to change, and it signs whatever tree it holds (or any checkpoint it likes) with its key.
 */
final class FakeLogServer implements LogServer {

    static final String DOMAIN = "neighborshare.example";

    final Map<LogName, List<byte[]>> entries = new EnumMap<>(LogName.class);
    final Map<LogName, List<byte[]>> stated = new EnumMap<>(LogName.class);
    final Map<LogName, byte[]> pinned = new EnumMap<>(LogName.class);
    final NoteSigner signer;
    int pageSize = 3;

    FakeLogServer(NoteSigner signer) {
        this.signer = signer;
        for (LogName log : LogName.values()) {
            entries.put(log, new ArrayList<>());
            stated.put(log, new ArrayList<>());
        }
    }

    FakeLogServer append(AuditFact fact) {
        LogName log = fact.type().log();
        byte[] entry = fact.toEntry();
        entries.get(log).add(entry);
        stated.get(log).add(MerkleTree.leafHash(entry));
        return this;
    }

    /** The operator rewrites an entry's bytes (and, if it is careful, the leaf hash it states). */
    void rewrite(LogName log, int index, byte[] entry, boolean restateLeafHash) {
        entries.get(log).set(index, entry);
        if (restateLeafHash) {
            stated.get(log).set(index, MerkleTree.leafHash(entry));
        }
    }

    /** Serve this signed note as the latest checkpoint instead of one of the current tree. */
    void pin(LogName log, byte[] note) {
        pinned.put(log, note);
    }

    byte[] sign(LogName log, long size) {
        List<byte[]> hashes = stated.get(log).subList(0, Math.toIntExact(size));
        return Checkpoint.of(log.origin(DOMAIN), size, MerkleTree.root(hashes)).sign(signer);
    }

    @Override
    public byte[] checkpoint(LogName log) {
        byte[] note = pinned.get(log);
        return note != null ? note : sign(log, stated.get(log).size());
    }

    @Override
    public List<byte[]> consistencyProof(LogName log, long from, long to) {
        List<byte[]> hashes = stated.get(log);
        if (to > hashes.size()) {
            throw new LogReadException("no tree of size " + to);
        }
        return MerkleTree.consistencyProof(from, to, i -> hashes.get(Math.toIntExact(i)));
    }

    @Override
    public List<LoggedEntry> entries(LogName log, long start, int limit) {
        List<LoggedEntry> page = new ArrayList<>();
        List<byte[]> all = entries.get(log);
        for (long i = start; i < Math.min(all.size(), start + Math.min(limit, pageSize)); i++) {
            int at = Math.toIntExact(i);
            page.add(new LoggedEntry(i, stated.get(log).get(at), all.get(at)));
        }
        return page;
    }

    @Override
    public int pageSize() {
        return pageSize;
    }
}
