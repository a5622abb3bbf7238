package io.triage.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.triage.audit.chain.CanonicalForm;
import org.junit.jupiter.api.Test;

class MerkleTreeTests {

    static List<byte[]> leaves(int n) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(CanonicalForm.sha256().digest(("event-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        return hashes;
    }

    @Test
    void everyLeafOfEveryTreeSizeHasAValidInclusionProof() {
        for (int n = 1; n <= 33; n++) {
            List<byte[]> hashes = leaves(n);
            byte[] root = MerkleTree.root(hashes);
            for (int i = 0; i < n; i++) {
                assertThat(MerkleTree.verifyInclusion(hashes.get(i), i, n, MerkleTree.inclusionPath(hashes, i), root))
                        .as("leaf %d of %d", i, n).isTrue();
            }
        }
    }

    @Test
    void proofForAnotherLeafOrIndexFails() {
        List<byte[]> hashes = leaves(11);
        byte[] root = MerkleTree.root(hashes);
        List<byte[]> path = MerkleTree.inclusionPath(hashes, 6);
        assertThat(MerkleTree.verifyInclusion(hashes.get(5), 6, 11, path, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(hashes.get(6), 7, 11, path, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(hashes.get(6), 6, 11, path, MerkleTree.root(leaves(12)))).isFalse();
    }

    @Test
    void singleLeafRootIsTheLeafHash() {
        List<byte[]> hashes = leaves(1);
        assertThat(MerkleTree.root(hashes)).isEqualTo(MerkleTree.leaf(hashes.getFirst()));
    }
}
