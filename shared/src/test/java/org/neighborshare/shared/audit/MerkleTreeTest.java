package org.neighborshare.shared.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Proofs our tree computes verify against the root it computes, and nothing else does. */
class MerkleTreeTest {

    private static final int MAX = 64;
    private static final List<byte[]> LEAVES = leaves(MAX);
    private static final LeafHashes BY_INDEX = i -> LEAVES.get(Math.toIntExact(i));

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    private static byte[] root(int size) {
        return MerkleTree.root(LEAVES.subList(0, size));
    }

    @Test
    void hashesAreTheRfcOnes() {
        HexFormat hex = HexFormat.of();
        assertEquals(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                hex.formatHex(MerkleTree.emptyRoot()));
        assertEquals(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                hex.formatHex(MerkleTree.leafHash(new byte[0])));
        assertArrayEquals(MerkleTree.emptyRoot(), MerkleTree.root(List.of()));
        assertArrayEquals(LEAVES.get(0), root(1));
        assertArrayEquals(MerkleTree.nodeHash(LEAVES.get(0), LEAVES.get(1)), root(2));
        assertArrayEquals(
                MerkleTree.nodeHash(MerkleTree.nodeHash(LEAVES.get(0), LEAVES.get(1)), LEAVES.get(2)), root(3));
    }

    @Test
    void everyInclusionProofRoundTripsAndNoBitFlipPasses() {
        int proofs = 0;
        for (int size = 1; size <= MAX; size++) {
            byte[] root = root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleTree.inclusionProof(index, size, BY_INDEX);
                byte[] leaf = LEAVES.get(index);
                assertTrue(MerkleTree.verifyInclusion(index, size, leaf, proof, root), index + " in " + size);
                assertFalse(MerkleTree.verifyInclusion(index, size, leaf, proof, root(size - 1 == 0 ? 2 : size - 1)));
                if (size > 1) {
                    int other = (index + 1) % size;
                    assertFalse(MerkleTree.verifyInclusion(other, size, leaf, proof, root), "wrong index");
                    assertFalse(MerkleTree.verifyInclusion(index, size, LEAVES.get(other), proof, root), "wrong leaf");
                }
                if (size < MAX) {
                    assertFalse(MerkleTree.verifyInclusion(index, size + 1, leaf, proof, root(size + 1)), "size");
                }
                for (int e = 0; e < proof.size(); e++) {
                    for (int bit : bits(index, e, size)) {
                        assertFalse(
                                MerkleTree.verifyInclusion(index, size, leaf, flip(proof, e, bit), root),
                                "bit " + bit + " of element " + e + " of " + index + " in " + size);
                    }
                }
                for (int bit : bits(index, -1, size)) {
                    assertFalse(MerkleTree.verifyInclusion(index, size, flip(leaf, bit), proof, root));
                    assertFalse(MerkleTree.verifyInclusion(index, size, leaf, proof, flip(root, bit)));
                }
                assertFalse(MerkleTree.verifyInclusion(index, size, leaf, longer(proof), root), "extra element");
                if (!proof.isEmpty()) {
                    assertFalse(
                            MerkleTree.verifyInclusion(index, size, leaf, proof.subList(0, proof.size() - 1), root));
                }
                proofs++;
            }
        }
        assertEquals(MAX * (MAX + 1) / 2, proofs);
    }

    @Test
    void everyConsistencyProofRoundTripsAndNoBitFlipPasses() {
        int proofs = 0;
        for (int size2 = 1; size2 <= MAX; size2++) {
            byte[] root2 = root(size2);
            for (int size1 = 1; size1 <= size2; size1++) {
                byte[] root1 = root(size1);
                List<byte[]> proof = MerkleTree.consistencyProof(size1, size2, BY_INDEX);
                assertTrue(MerkleTree.verifyConsistency(size1, size2, proof, root1, root2), size1 + " to " + size2);
                assertFalse(MerkleTree.verifyConsistency(size1, size2, proof, root2, root1) && size1 != size2);
                if (size1 < size2) {
                    assertFalse(MerkleTree.verifyConsistency(size1 + 1, size2, proof, root(size1 + 1), root2));
                    assertFalse(MerkleTree.verifyConsistency(size1, size2, proof, root(size1 + 1), root2));
                    assertFalse(MerkleTree.verifyConsistency(size1, size2 - 1, proof, root1, root(size2 - 1)));
                }
                for (int e = 0; e < proof.size(); e++) {
                    for (int bit : bits(size1, e, size2)) {
                        assertFalse(
                                MerkleTree.verifyConsistency(size1, size2, flip(proof, e, bit), root1, root2),
                                "bit " + bit + " of element " + e + " of " + size1 + " to " + size2);
                    }
                }
                for (int bit : bits(size1, -1, size2)) {
                    assertFalse(MerkleTree.verifyConsistency(size1, size2, proof, flip(root1, bit), root2));
                    assertFalse(MerkleTree.verifyConsistency(size1, size2, proof, root1, flip(root2, bit)));
                }
                assertFalse(MerkleTree.verifyConsistency(size1, size2, longer(proof), root1, root2), "extra");
                if (!proof.isEmpty()) {
                    assertFalse(MerkleTree.verifyConsistency(
                            size1, size2, proof.subList(0, proof.size() - 1), root1, root2));
                }
                proofs++;
            }
        }
        assertEquals(MAX * (MAX + 1) / 2, proofs);
    }

    @Test
    void everyBitOfSomeProofsMatters() {
        List<byte[]> inclusion = MerkleTree.inclusionProof(37, 61, BY_INDEX);
        List<byte[]> consistency = MerkleTree.consistencyProof(23, 61, BY_INDEX);
        for (int e = 0; e < inclusion.size(); e++) {
            for (int bit = 0; bit < 8 * MerkleTree.HASH_SIZE; bit++) {
                assertFalse(MerkleTree.verifyInclusion(37, 61, LEAVES.get(37), flip(inclusion, e, bit), root(61)));
            }
        }
        for (int e = 0; e < consistency.size(); e++) {
            for (int bit = 0; bit < 8 * MerkleTree.HASH_SIZE; bit++) {
                assertFalse(MerkleTree.verifyConsistency(23, 61, flip(consistency, e, bit), root(23), root(61)));
            }
        }
    }

    @Test
    void garbageIsRefusedNotThrown() {
        byte[] root = root(5);
        List<byte[]> proof = MerkleTree.inclusionProof(2, 5, BY_INDEX);
        assertFalse(MerkleTree.verifyInclusion(-1, 5, LEAVES.get(2), proof, root));
        assertFalse(MerkleTree.verifyInclusion(2, 0, LEAVES.get(2), proof, root));
        assertFalse(MerkleTree.verifyInclusion(2, Long.MIN_VALUE, LEAVES.get(2), proof, root));
        assertFalse(MerkleTree.verifyInclusion(2, 5, null, proof, root));
        assertFalse(MerkleTree.verifyInclusion(2, 5, LEAVES.get(2), null, root));
        assertFalse(MerkleTree.verifyInclusion(2, 5, LEAVES.get(2), proof, null));
        assertFalse(MerkleTree.verifyInclusion(2, 5, LEAVES.get(2), proof, new byte[31]));
        List<byte[]> withNull = new ArrayList<>(proof);
        withNull.set(0, null);
        assertFalse(MerkleTree.verifyInclusion(2, 5, LEAVES.get(2), withNull, root));
        List<byte[]> withShort = new ArrayList<>(proof);
        withShort.set(0, new byte[33]);
        assertFalse(MerkleTree.verifyInclusion(2, 5, LEAVES.get(2), withShort, root));

        List<byte[]> consistency = MerkleTree.consistencyProof(3, 5, BY_INDEX);
        assertFalse(MerkleTree.verifyConsistency(0, 5, List.of(), MerkleTree.emptyRoot(), root));
        assertFalse(MerkleTree.verifyConsistency(5, 3, consistency, root, root(3)));
        assertFalse(MerkleTree.verifyConsistency(3, 5, List.of(), root(3), root));
        assertFalse(MerkleTree.verifyConsistency(3, 5, consistency, null, root));
        assertFalse(MerkleTree.verifyConsistency(3, 5, null, root(3), root));
        assertFalse(MerkleTree.verifyConsistency(3, Long.MAX_VALUE, consistency, root(3), root));
        assertFalse(MerkleTree.verifyConsistency(5, 5, List.of(), root, root(4)));
        assertFalse(MerkleTree.verifyConsistency(5, 5, List.of(root), root, root));

        assertThrows(IllegalArgumentException.class, () -> MerkleTree.inclusionProof(5, 5, BY_INDEX));
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.consistencyProof(0, 5, BY_INDEX));
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.consistencyProof(6, 5, BY_INDEX));
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.inclusionProof(0, 2, i -> new byte[3]));
    }

    /** At a million leaves a proof asks a subtree store for log2(n) ranges, each a complete or right-edge one. */
    @Test
    void aProofAtAMillionLeavesNeedsOnlyLogNSubtrees() {
        long size = 1_000_000;
        AtomicInteger calls = new AtomicInteger();
        SubtreeHashes counted = (start, end) -> {
            calls.incrementAndGet();
            long length = end - start;
            long aligned = Long.highestOneBit(length) == length ? length : Long.highestOneBit(length) << 1;
            assertTrue(start % aligned == 0, "aligned");
            assertTrue(Long.bitCount(length) == 1 || end == size, "complete or the right edge");
            return MerkleTree.leafHash(HexFormat.of().parseHex(Long.toHexString(start | 0x100000000000L)));
        };
        List<byte[]> proof = MerkleTree.inclusionProof(777_777, size, counted);
        assertEquals(20, proof.size());
        assertEquals(20, calls.get());
        calls.set(0);
        List<byte[]> consistency = MerkleTree.consistencyProof(555_555, size, counted);
        assertTrue(consistency.size() <= 2 * 20 && calls.get() == consistency.size(), "" + calls.get());
    }

    private static int[] bits(long a, int element, long b) {
        int first = (int) ((a * 31 + element * 7 + b) & 0xff);
        return new int[] {first, (first + 128) % 256, 0, 255};
    }

    private static List<byte[]> flip(List<byte[]> proof, int element, int bit) {
        List<byte[]> flipped = new ArrayList<>(proof);
        flipped.set(element, flip(proof.get(element), bit));
        return flipped;
    }

    private static byte[] flip(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    private static List<byte[]> longer(List<byte[]> proof) {
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(LEAVES.get(0));
        return longer;
    }
}
