package io.triage.classify.model;

/**
 * A feature vector with its non-zero entries only, indices ascending.
 *
 * @param indices feature indices, strictly ascending
 * @param values  the value at each index
 */
public record SparseVector(int[] indices, float[] values) {

    public int size() {
        return indices.length;
    }
}
