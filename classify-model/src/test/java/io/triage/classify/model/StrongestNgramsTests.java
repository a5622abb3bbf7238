package io.triage.classify.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The explanation's strongest n-grams: the bounded selection against a full sort of every feature. */
class StrongestNgramsTests {

    /** The reference: every feature sorted by contribution (stable), positive ones only, the first n. */
    private static int[] bySort(SparseVector x, float[] weights, int classes, int k, int vocabulary, int n) {
        int[] indices = x.indices();
        double[] contribution = new double[indices.length];
        for (int j = 0; j < indices.length; j++) {
            contribution[j] = indices[j] < vocabulary ? x.values()[j] * weights[indices[j] * classes + k] : 0;
        }
        return IntStream.range(0, indices.length).boxed()
                .sorted(Comparator.comparingDouble(j -> -contribution[j]))
                .filter(j -> contribution[j] > 0).limit(n).mapToInt(j -> indices[j]).toArray();
    }

    @Test
    void selectsWhatAFullSortWouldOnRandomVectorsWithTies() {
        Random random = new Random(7);
        int classes = 4;
        int features = 60;
        int vocabulary = 50; // features 50..59 stand for sentence-vector entries, which have no name
        for (int round = 0; round < 2_000; round++) {
            float[] weights = new float[features * classes];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (random.nextInt(9) - 4) / 4f; // few distinct values: many ties and non-positive ones
            }
            int[] indices = IntStream.range(0, features).filter(i -> random.nextInt(3) == 0).toArray();
            float[] values = new float[indices.length];
            for (int j = 0; j < values.length; j++) {
                values[j] = random.nextInt(3) + 1;
            }
            SparseVector x = new SparseVector(indices, values);
            int k = random.nextInt(classes);
            int n = 1 + random.nextInt(6);
            assertThat(LinearHead.strongest(x, weights, classes, k, vocabulary, n))
                    .as("round %d: %s", round, Arrays.toString(indices))
                    .containsExactly(bySort(x, weights, classes, k, vocabulary, n));
        }
    }

    @Test
    void noPositiveContributionNamesNothing() {
        SparseVector x = new SparseVector(new int[] {0, 1}, new float[] {1, 1});
        float[] weights = {-1, 0, 0, -2};
        assertThat(LinearHead.strongest(x, weights, 2, 0, 2, 5)).isEmpty();
    }
}
