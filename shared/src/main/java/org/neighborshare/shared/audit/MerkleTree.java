package org.neighborshare.shared.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Merkle tree of RFC 6962 §2.1 over a log's entries: its hashes, its root, its inclusion and consistency
 * proofs, and their verifiers (the algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2, as in transparency-dev/merkle).
 *
 * <p>Leaf hash {@code SHA-256(0x00 || entry)}, node hash {@code SHA-256(0x01 || left || right)}, the root of no
 * leaves {@code SHA-256()}; a range of n > 1 leaves splits at k, the largest power of two smaller than n.
 *
 * <p>The verifiers never throw on bad input and never accept it: a wrong size, an index out of range, a hash
 * that is not 32 bytes, a proof one element too long or too short, or any changed bit all give {@code false}.
 */
public final class MerkleTree {

    /** Bytes in every hash: SHA-256. */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {}

    // ---- hashing -------------------------------------------------------------------------------------------

    /** {@code SHA-256(0x00 || entry)}. */
    public static byte[] leafHash(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        digest.update(entry);
        return digest.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(requireHash(left, "left"));
        digest.update(requireHash(right, "right"));
        return digest.digest();
    }

    /** The root of the empty tree, {@code SHA-256()} of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    // ---- roots and proofs ----------------------------------------------------------------------------------

    /** The root of the tree whose leaves have these leaf hashes, in order. */
    public static byte[] root(List<byte[]> leafHashes) {
        List<byte[]> leaves = List.copyOf(leafHashes);
        return root(leaves.size(), SubtreeHashes.fromLeaves(index -> leaves.get(Math.toIntExact(index))));
    }

    /** The root of the first {@code size} leaves: {@code MTH(D[0:size])}. */
    public static byte[] root(long size, SubtreeHashes hashes) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size " + size + " < 0");
        }
        return size == 0 ? emptyRoot() : requireHash(hashes.hash(0, size), "root");
    }

    /**
     * The audit path of leaf {@code index} in the tree of {@code size} leaves ({@code PATH(m, D[n])}, RFC 6962
     * §2.1.1), from the leaf's sibling up to the root's child: {@code ceil(log2(size))} hashes at most.
     */
    public static List<byte[]> inclusionProof(long index, long size, SubtreeHashes hashes) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        Objects.requireNonNull(hashes, "hashes");
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, hashes, proof);
        return List.copyOf(proof);
    }

    /** The same, from leaf hashes. */
    public static List<byte[]> inclusionProof(long index, long size, LeafHashes leaves) {
        return inclusionProof(index, size, SubtreeHashes.fromLeaves(leaves));
    }

    /**
     * The proof that the tree of {@code size1} leaves is a prefix of the tree of {@code size2} ({@code PROOF(m,
     * D[n])}, RFC 6962 §2.1.2); empty when the sizes are equal. {@code 0 < size1 <= size2}: every tree extends the
     * empty one, so there is nothing to prove from size 0 (and RFC 9162 defines no such proof).
     */
    public static List<byte[]> consistencyProof(long size1, long size2, SubtreeHashes hashes) {
        if (size1 <= 0 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from size " + size1 + " to size " + size2);
        }
        Objects.requireNonNull(hashes, "hashes");
        List<byte[]> proof = new ArrayList<>();
        if (size1 < size2) {
            subproof(size1, 0, size2, true, hashes, proof);
        }
        return List.copyOf(proof);
    }

    /** The same, from leaf hashes. */
    public static List<byte[]> consistencyProof(long size1, long size2, LeafHashes leaves) {
        return consistencyProof(size1, size2, SubtreeHashes.fromLeaves(leaves));
    }

    /** PATH(m, D[start:end]), appended deepest first. */
    private static void path(long m, long start, long end, SubtreeHashes hashes, List<byte[]> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, start + k, hashes, proof);
            proof.add(subtree(hashes, start + k, end));
        } else {
            path(m - k, start + k, end, hashes, proof);
            proof.add(subtree(hashes, start, start + k));
        }
    }

    /** SUBPROOF(m, D[start:end], b), appended deepest first. */
    private static void subproof(
            long m, long start, long end, boolean startsAtOldRoot, SubtreeHashes hashes, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!startsAtOldRoot) {
                proof.add(subtree(hashes, start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, startsAtOldRoot, hashes, proof);
            proof.add(subtree(hashes, start + k, end));
        } else {
            subproof(m - k, start + k, end, false, hashes, proof);
            proof.add(subtree(hashes, start, start + k));
        }
    }

    private static byte[] subtree(SubtreeHashes hashes, long start, long end) {
        return requireHash(hashes.hash(start, end), "subtree [" + start + ", " + end + ")");
    }

    // ---- verification (RFC 9162 §2.1.3.2, §2.1.4.2) -------------------------------------------------------

    /**
     * Whether {@code proof} proves that {@code leafHash} is leaf {@code leafIndex} of the tree of {@code treeSize}
     * leaves whose root is {@code root}.
     */
    public static boolean verifyInclusion(
            long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
        byte[] computed = rootFromInclusionProof(leafIndex, treeSize, leafHash, proof);
        return computed != null && isHash(root) && MessageDigest.isEqual(computed, root);
    }

    /**
     * The root that an inclusion proof leads to, or {@code null} when the proof cannot be one (index out of range,
     * wrong length, a hash not of 32 bytes).
     */
    public static byte[] rootFromInclusionProof(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof) {
        if (leafIndex < 0 || leafIndex >= treeSize || !isHash(leafHash) || !allHashes(proof)) {
            return null;
        }
        int inner = innerProofSize(leafIndex, treeSize);
        int border = Long.bitCount(leafIndex >>> inner);
        if (proof.size() != inner + border) {
            return null;
        }
        byte[] result = chainInner(leafHash, proof.subList(0, inner), leafIndex);
        return chainBorderRight(result, proof.subList(inner, proof.size()));
    }

    /**
     * Whether {@code proof} proves that the tree of {@code size1} leaves with root {@code root1} is a prefix of the
     * tree of {@code size2} leaves with root {@code root2}. Equal sizes need an empty proof and equal roots; size 0
     * is refused (nothing can be proved about it; RFC 9162 asks for {@code 0 < size1}).
     */
    public static boolean verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (size1 <= 0 || size2 < size1 || !isHash(root1) || !isHash(root2) || !allHashes(proof)) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
        }
        if (proof.isEmpty()) {
            return false;
        }
        int inner = innerProofSize(size1 - 1, size2);
        int border = Long.bitCount((size1 - 1) >>> inner);
        int shift = Long.numberOfTrailingZeros(size1);
        inner -= shift; // shift < inner when size1 < size2
        // The proof starts with the root of the subtree of 2^shift leaves, unless that subtree is the old tree.
        byte[] seed;
        int start;
        if (size1 == 1L << shift) {
            seed = root1;
            start = 0;
        } else {
            seed = proof.get(0);
            start = 1;
        }
        if (proof.size() != start + inner + border) {
            return false;
        }
        List<byte[]> path = proof.subList(start, proof.size());
        long mask = (size1 - 1) >>> shift;
        byte[] hash1 =
                chainBorderRight(chainInnerRight(seed, path.subList(0, inner), mask), path.subList(inner, path.size()));
        if (!MessageDigest.isEqual(hash1, root1)) {
            return false;
        }
        byte[] hash2 =
                chainBorderRight(chainInner(seed, path.subList(0, inner), mask), path.subList(inner, path.size()));
        return MessageDigest.isEqual(hash2, root2);
    }

    private static int innerProofSize(long index, long size) {
        return 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    }

    private static byte[] chainInner(byte[] seed, List<byte[]> proof, long index) {
        byte[] result = seed;
        for (int i = 0; i < proof.size(); i++) {
            result = ((index >>> i) & 1) == 0 ? nodeHash(result, proof.get(i)) : nodeHash(proof.get(i), result);
        }
        return result;
    }

    private static byte[] chainInnerRight(byte[] seed, List<byte[]> proof, long index) {
        byte[] result = seed;
        for (int i = 0; i < proof.size(); i++) {
            if (((index >>> i) & 1) == 1) {
                result = nodeHash(proof.get(i), result);
            }
        }
        return result;
    }

    private static byte[] chainBorderRight(byte[] seed, List<byte[]> proof) {
        byte[] result = seed;
        for (byte[] hash : proof) {
            result = nodeHash(hash, result);
        }
        return result;
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** The largest power of two strictly smaller than {@code n}, for {@code n >= 2}: the RFC's split point. */
    static long largestPowerOfTwoBelow(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("no split of " + n + " leaves");
        }
        return Long.highestOneBit(n - 1);
    }

    static byte[] requireHash(byte[] hash, String what) {
        if (!isHash(hash)) {
            throw new IllegalArgumentException(what + " is not a " + HASH_SIZE + "-byte hash");
        }
        return hash;
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_SIZE;
    }

    private static boolean allHashes(List<byte[]> proof) {
        if (proof == null) {
            return false;
        }
        for (byte[] hash : proof) {
            if (!isHash(hash)) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
