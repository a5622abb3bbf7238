package io.triage.classify.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The second model of a bundle: a sentence vector of the text, appended (times {@code scale}) to the TF-IDF
 * features the linear heads read, and a vote of the nearest stored training examples in that vector space, blended
 * into each head's probabilities. Immutable and thread-safe.
 */
public final class SentenceFeatures {

    private final SentenceEncoder encoder;
    private final float scale;
    private final float noveltyFloor;
    private final int rows;
    private final float[] neighbours;
    private final Map<String, NeighbourVote> votes;

    /**
     * @param scale        weight of the sentence vector beside the TF-IDF features
     * @param noveltyFloor a text whose highest similarity to a stored example is below this is novel (-1: never)
     * @param neighbours   stored training vectors, row after row, each of unit length
     * @param votes        per head, how the neighbours vote
     */
    public SentenceFeatures(SentenceEncoder encoder, float scale, float noveltyFloor, float[] neighbours,
            Map<String, NeighbourVote> votes) {
        if (neighbours.length % encoder.dimension() != 0) {
            throw new IllegalArgumentException("neighbour vectors are not rows of " + encoder.dimension());
        }
        this.encoder = encoder;
        this.scale = scale;
        this.noveltyFloor = noveltyFloor;
        this.rows = neighbours.length / encoder.dimension();
        this.neighbours = neighbours;
        this.votes = Collections.unmodifiableMap(new LinkedHashMap<>(votes));
        this.votes.forEach((head, vote) -> {
            if (vote.labels().length != rows) {
                throw new IllegalArgumentException("head " + head + " labels " + vote.labels().length
                        + " neighbours, not " + rows);
            }
        });
    }

    /** The TF-IDF vector with the sentence vector appended after the vocabulary's {@code offset} features. */
    public SparseVector extend(SparseVector tfidf, float[] sentence, int offset) {
        int n = tfidf.size();
        int[] indices = new int[n + sentence.length];
        float[] values = new float[n + sentence.length];
        System.arraycopy(tfidf.indices(), 0, indices, 0, n);
        System.arraycopy(tfidf.values(), 0, values, 0, n);
        for (int j = 0; j < sentence.length; j++) {
            indices[n + j] = offset + j;
            values[n + j] = scale * sentence[j];
        }
        return new SparseVector(indices, values);
    }

    /** Cosine similarity of a unit-length vector to every stored neighbour. */
    public float[] similarities(float[] sentence) {
        int d = sentence.length;
        float[] out = new float[rows];
        for (int r = 0; r < rows; r++) {
            int base = r * d;
            float a = 0;
            float b = 0;
            float c = 0;
            float e = 0;
            int j = 0;
            for (; j + 3 < d; j += 4) {
                a += sentence[j] * neighbours[base + j];
                b += sentence[j + 1] * neighbours[base + j + 1];
                c += sentence[j + 2] * neighbours[base + j + 2];
                e += sentence[j + 3] * neighbours[base + j + 3];
            }
            for (; j < d; j++) {
                a += sentence[j] * neighbours[base + j];
            }
            out[r] = a + b + c + e;
        }
        return out;
    }

    /** The head's linear probabilities blended with its neighbour vote (unchanged for a head without one). */
    public double[] blend(String head, double[] linear, float[] similarities) {
        NeighbourVote vote = votes.get(head);
        return vote == null ? linear : vote.blend(linear, similarities);
    }

    /** Whether a text with these similarities to the stored examples is unlike all of them. */
    public boolean novel(float[] similarities) {
        float highest = -1;
        for (float s : similarities) {
            highest = Math.max(highest, s);
        }
        return highest < noveltyFloor;
    }

    /** A copy whose heads use other votes (e.g. the ones chosen on the validation split). */
    public SentenceFeatures withVotes(Map<String, NeighbourVote> newVotes) {
        return new SentenceFeatures(encoder, scale, noveltyFloor, neighbours, newVotes);
    }

    /** A copy with another novelty floor (e.g. the one chosen on the validation split). */
    public SentenceFeatures withNoveltyFloor(float floor) {
        return new SentenceFeatures(encoder, scale, floor, neighbours, votes);
    }

    public SentenceEncoder encoder() {
        return encoder;
    }

    public float scale() {
        return scale;
    }

    public float noveltyFloor() {
        return noveltyFloor;
    }

    public int neighbourCount() {
        return rows;
    }

    public Map<String, NeighbourVote> votes() {
        return votes;
    }

    float[] neighbours() {
        return neighbours;
    }
}
