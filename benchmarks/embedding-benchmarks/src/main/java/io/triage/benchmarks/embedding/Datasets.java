package io.triage.benchmarks.embedding;

import java.util.SplittableRandom;

import io.triage.embedding.model.Vectors;

/**
 * Seeded synthetic 384-d unit vectors: {@code random} (isotropic Gaussian, the hardest case for HNSW) and
 * {@code clustered} (1,000 Gaussian centroids plus noise of half their scale, closer to real embeddings, where
 * tickets bunch by topic). Queries are fresh draws from the same distribution, never indexed points.
 */
final class Datasets {

    static final int DIMENSION = 384;
    static final int SIZE = 100_000;
    static final int CENTROIDS = 1_000;

    private Datasets() {
    }

    static float[][] vectors(String dataset, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] centroids = dataset.equals("clustered") ? gaussians(new SplittableRandom(99), CENTROIDS, 1.0)
                : null;
        float[][] vectors = new float[count][];
        for (int i = 0; i < count; i++) {
            float[] v = gaussian(random, 1.0);
            if (centroids != null) {
                float[] c = centroids[random.nextInt(CENTROIDS)];
                for (int d = 0; d < DIMENSION; d++) {
                    v[d] = c[d] + 0.5f * v[d];
                }
            }
            vectors[i] = Vectors.normalised(v);
        }
        return vectors;
    }

    /** Indexes of the {@code k} vectors with the highest dot product, best first (exact brute force). */
    static int[] exactTopK(float[][] vectors, float[] query, int k) {
        int[] best = new int[k];
        float[] scores = new float[k];
        java.util.Arrays.fill(scores, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < vectors.length; i++) {
            float score = Vectors.dot(vectors[i], query);
            if (score > scores[k - 1]) {
                int at = k - 1;
                while (at > 0 && scores[at - 1] < score) {
                    scores[at] = scores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                scores[at] = score;
                best[at] = i;
            }
        }
        return best;
    }

    private static float[][] gaussians(SplittableRandom random, int count, double scale) {
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            out[i] = gaussian(random, scale);
        }
        return out;
    }

    private static float[] gaussian(SplittableRandom random, double scale) {
        float[] v = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            v[d] = (float) (random.nextGaussian() * scale);
        }
        return v;
    }
}
