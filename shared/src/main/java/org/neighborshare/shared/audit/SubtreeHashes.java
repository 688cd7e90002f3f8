package org.neighborshare.shared.audit;

import java.util.Objects;

/**
 * The hash of a range of leaves, {@code MTH(D[start:end])} in RFC 6962 §2.1. Every proof and root is built from
 * these, so a store that keeps the roots of complete subtrees (tiles) answers a proof at a million leaves with
 * O(log n) lookups instead of reading every leaf.
 *
 * <p>{@link MerkleTree} only asks for the ranges of the RFC's own split: {@code start} is a multiple of a power of
 * two at least {@code end - start}, so a range is either a complete aligned subtree ({@code end - start} a power
 * of two) or the right edge of one, cut at the tree size. The right edge is the node hash of O(log n) complete
 * subtrees, so an implementation that stores only complete ones can compose the rest.
 */
@FunctionalInterface
public interface SubtreeHashes {

    /** The 32-byte {@code MTH(D[start:end])}; only called with {@code 0 <= start < end <= tree size}. */
    byte[] hash(long start, long end);

    /** The default: every range computed from its leaves (O(end - start) hashes; simple, no cache). */
    static SubtreeHashes fromLeaves(LeafHashes leaves) {
        Objects.requireNonNull(leaves, "leaves");
        return new SubtreeHashes() {
            @Override
            public byte[] hash(long start, long end) {
                if (start < 0 || end <= start) {
                    throw new IllegalArgumentException("not a range of leaves: [" + start + ", " + end + ")");
                }
                if (end - start == 1) {
                    return MerkleTree.requireHash(leaves.leafHash(start), "leaf hash " + start);
                }
                long split = start + MerkleTree.largestPowerOfTwoBelow(end - start);
                return MerkleTree.nodeHash(hash(start, split), hash(split, end));
            }
        };
    }
}
