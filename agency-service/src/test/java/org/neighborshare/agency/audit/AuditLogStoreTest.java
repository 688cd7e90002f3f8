package org.neighborshare.agency.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neighborshare.shared.audit.AuditEventType;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.audit.AuditReceipt;
import org.neighborshare.shared.audit.Checkpoint;
import org.neighborshare.shared.audit.MerkleTree;
import org.neighborshare.shared.audit.NoteVerifier;
import org.neighborshare.shared.audit.service.CheckpointPublisher;
import org.neighborshare.shared.audit.service.PostgresAuditLog;
import org.neighborshare.shared.audit.store.AuditStore;
import org.neighborshare.testsupport.PostgresResource;
import org.neighborshare.testsupport.Race;

/**
 * shared's audit log store against the real PostgreSQL, through agency-service's beans: gapless numbering under
 * racing appenders, appends only inside the caller's transaction, proofs that verify, and a log that neither the
 * runtime role nor the superuser can change.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class AuditLogStoreTest {

    static final int CALLERS = 12;

    @Inject
    PostgresAuditLog log; // the real log: the service tests replace AuditLog with a recording one

    @Inject
    CheckpointPublisher publisher;

    @Inject
    AgroalDataSource dataSource;

    final AuditStore store = new AuditStore();

    static AuditFact fact() {
        return AuditFact.of(AuditEventType.AGENCY_APPLIED, Instant.now())
                .with("agency", UUID.randomUUID().toString());
    }

    AuditReceipt appendCommitted() {
        return QuarkusTransaction.requiringNew().call(() -> log.append(fact()));
    }

    long size() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return store.size(c);
        }
    }

    @Test
    void racingAppendersGetConsecutiveIndicesWithoutGapsAndTheTreeAgrees() throws Exception {
        long before = size();
        List<AuditReceipt> receipts = Race.race(CALLERS, i -> appendCommitted());

        List<Long> indices = receipts.stream().map(AuditReceipt::index).sorted().toList();
        List<Long> expected = new ArrayList<>();
        for (long i = before; i < before + CALLERS; i++) {
            expected.add(i);
        }
        assertEquals(expected, indices);
        assertEquals(before + CALLERS, size());

        try (Connection c = dataSource.getConnection()) {
            long size = store.size(c);
            List<AuditStore.StoredEntry> entries = store.entries(c, 0, (int) size);
            List<byte[]> leaves =
                    entries.stream().map(AuditStore.StoredEntry::leafHash).toList();
            for (AuditStore.StoredEntry e : entries) {
                assertArrayEquals(MerkleTree.leafHash(e.entry()), e.leafHash(), "leaf hash of entry " + e.index());
            }
            byte[] root = store.root(c, size);
            // The stored subtree hashes give the root the leaves give.
            assertArrayEquals(MerkleTree.root(leaves), root);
            for (AuditReceipt r : receipts) {
                List<byte[]> proof = store.inclusionProof(c, r.index(), size);
                assertTrue(
                        MerkleTree.verifyInclusion(r.index(), size, r.leafHash(), proof, root), "index " + r.index());
            }
            for (long m = 1; m < size; m++) {
                byte[] oldRoot = store.root(c, m);
                assertArrayEquals(MerkleTree.root(leaves.subList(0, (int) m)), oldRoot, "root at " + m);
                assertTrue(MerkleTree.verifyConsistency(m, size, store.consistencyProof(c, m, size), oldRoot, root));
            }
        }
    }

    @Test
    void anAppendOutsideATransactionIsRefusedAndARolledBackOneLeavesNoGap() throws Exception {
        long before = size();
        assertThrows(TransactionalException.class, () -> log.append(fact()));
        assertEquals(before, size());

        QuarkusTransaction.begin();
        AuditReceipt undone = log.append(fact());
        QuarkusTransaction.rollback();
        assertEquals(before, undone.index());
        assertEquals(before, size());
        assertEquals(before, appendCommitted().index(), "the next entry takes the rolled-back index");
    }

    @Test
    void aFactOfAnotherServicesLogIsRefused() throws Exception {
        long before = size();
        AuditFact share = AuditFact.of(AuditEventType.SHARE_CREATED, Instant.now());
        assertThrows(
                IllegalArgumentException.class,
                () -> QuarkusTransaction.requiringNew().call(() -> log.append(share)));
        assertEquals(before, size());
    }

    @Test
    void theRuntimeRoleMayOnlyReadAndAppend() throws Exception {
        appendCommitted();
        try (Connection c = PostgresResource.runtimeConnection()) {
            for (String table : List.of("audit.entries", "audit.nodes", "audit.checkpoints")) {
                for (String change : changes(table)) {
                    SQLException refused = assertThrows(SQLException.class, () -> execute(c, change), change);
                    assertEquals("42501", refused.getSQLState(), change + ": " + refused.getMessage());
                }
                execute(c, "select count(*) from " + table);
            }
            assertThrows(SQLException.class, () -> execute(c, "drop table audit.entries"));
        }
    }

    @Test
    void theSuperuserCannotChangeTheLogEither() throws Exception {
        appendCommitted();
        publisher.publishIfGrown();
        try (Connection c = PostgresResource.ownerConnection()) {
            for (String table : List.of("audit.entries", "audit.nodes", "audit.checkpoints")) {
                for (String change : changes(table)) {
                    SQLException refused = assertThrows(SQLException.class, () -> execute(c, change), change);
                    assertTrue(refused.getMessage().contains("append-only"), change + ": " + refused.getMessage());
                }
            }
        }
    }

    @Test
    void thePublisherSignsACheckpointOfTheGrownTreeThatVerifies() throws Exception {
        appendCommitted();
        Optional<Long> published = publisher.publishIfGrown();
        long size = size();
        try (Connection c = dataSource.getConnection()) {
            AuditStore.StoredCheckpoint latest = store.latestCheckpoint(c).orElseThrow();
            assertEquals(size, latest.size());
            published.ifPresent(s -> assertEquals(size, s));
            Checkpoint checkpoint = Checkpoint.open(
                    latest.note(), new NoteVerifier(publisher.verifierKey()), "neighborshare.example/agency-service");
            assertEquals(size, checkpoint.size());
            assertArrayEquals(store.root(c, size), checkpoint.rootHash());
        }
        assertEquals(Optional.empty(), publisher.publishIfGrown(), "nothing new: no new checkpoint");
    }

    static List<String> changes(String table) {
        String column =
                table.equals("audit.nodes") ? "hash" : table.equals("audit.entries") ? "leaf_hash" : "root_hash";
        return List.of(
                "update " + table + " set " + column + " = " + column, "delete from " + table, "truncate " + table);
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
