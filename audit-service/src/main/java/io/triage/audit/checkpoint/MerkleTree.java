package io.triage.audit.checkpoint;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.triage.audit.chain.CanonicalForm;

/**
 * Merkle tree hash and inclusion proofs exactly as in RFC 9162 (Certificate Transparency v2) section 2.1, with
 * SHA-256: leaf = SHA-256(0x00 || event hash), node = SHA-256(0x01 || left || right), a tree of n leaves splits at
 * the largest power of two below n.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    public static byte[] leaf(byte[] eventHash) {
        MessageDigest sha = CanonicalForm.sha256();
        sha.update((byte) 0);
        return sha.digest(eventHash);
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = CanonicalForm.sha256();
        sha.update((byte) 1);
        sha.update(left);
        return sha.digest(right);
    }

    /** MTH over the event hashes (at least one). */
    public static byte[] root(List<byte[]> eventHashes) {
        return root(eventHashes, 0, eventHashes.size());
    }

    /** PATH(m, D[n]): the sibling hashes from leaf {@code index} up to the root. */
    public static List<byte[]> inclusionPath(List<byte[]> eventHashes, int index) {
        List<byte[]> path = new ArrayList<>();
        path(eventHashes, index, 0, eventHashes.size(), path);
        return path;
    }

    /** RFC 9162 2.1.3.2: whether {@code path} proves leaf {@code index} of a tree of {@code size} has {@code root}. */
    public static boolean verifyInclusion(byte[] eventHash, long index, long size, List<byte[]> path, byte[] root) {
        if (index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf(eventHash);
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    private static byte[] root(List<byte[]> hashes, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaf(hashes.get(from));
        }
        int k = Integer.highestOneBit(n - 1);
        return node(root(hashes, from, from + k), root(hashes, from + k, to));
    }

    private static void path(List<byte[]> hashes, int index, int from, int to, List<byte[]> path) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = Integer.highestOneBit(n - 1);
        if (index < k) {
            path(hashes, index, from, from + k, path);
            path.add(root(hashes, from + k, to));
        } else {
            path(hashes, index - k, from + k, to, path);
            path.add(root(hashes, from, from + k));
        }
    }
}
