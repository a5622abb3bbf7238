package io.triage.classify.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NeighbourVoteTests {

    // Neighbour i has class labels[i]; -1 = no label for this head.
    private static final int[] LABELS = {0, 1, 1, -1, 2, 0};

    @Test
    void onlyTheKMostSimilarLabelledNeighboursVote() {
        NeighbourVote vote = new NeighbourVote(LABELS, 2, 10, 0);
        // Most similar is the unlabelled neighbour 3; then 2 (class 1) and 5 (class 0); 0, 1 and 4 are further.
        float[] similarities = {0.1f, 0.2f, 0.9f, 0.99f, 0.3f, 0.8f};
        double[] p = vote.vote(similarities, 3);
        double near = Math.exp(0);
        double next = Math.exp(10 * (0.8 - 0.9));
        assertThat(p[1]).isCloseTo(near / (near + next), within(1e-6));
        assertThat(p[0]).isCloseTo(next / (near + next), within(1e-6));
        assertThat(p[2]).isZero();
    }

    @Test
    void closerNeighboursWeighMoreWithSharperVotes() {
        float[] similarities = {0.70f, 0.75f, 0.72f, 0f, 0.1f, 0.74f};
        double soft = new NeighbourVote(LABELS, 3, 1, 0).vote(similarities, 3)[1];
        double sharp = new NeighbourVote(LABELS, 3, 100, 0).vote(similarities, 3)[1];
        // The three nearest labelled: 0.75 (class 1), 0.74 (class 0), 0.72 (class 1).
        assertThat(soft).isCloseTo(2.0 / 3, within(0.02));
        double expected = (1 + Math.exp(100 * (0.72 - 0.75))) / (1 + Math.exp(100 * (0.74 - 0.75))
                + Math.exp(100 * (0.72 - 0.75)));
        assertThat(sharp).isCloseTo(expected, within(1e-4)).isGreaterThan(soft + 0.05);
    }

    @Test
    void blendMixesLinearProbabilitiesWithTheVoteByWeight() {
        float[] similarities = {0.9f, 0f, 0f, 0f, 0f, 0f};
        double[] linear = {0.2, 0.8, 0.0};
        assertThat(new NeighbourVote(LABELS, 1, 10, 1.0).blend(linear, similarities)).containsExactly(linear);
        assertThat(new NeighbourVote(LABELS, 1, 10, 0.25).blend(linear, similarities))
                .containsExactly(new double[] {0.25 * 0.2 + 0.75, 0.25 * 0.8, 0}, within(1e-12));
    }

    @Test
    void withoutAnyLabelledNeighbourTheVoteIsUniform() {
        NeighbourVote vote = new NeighbourVote(new int[] {-1, -1}, 5, 10, 0);
        assertThat(vote.vote(new float[] {0.5f, 0.4f}, 4)).containsExactly(0.25, 0.25, 0.25, 0.25);
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> new NeighbourVote(LABELS, 0, 10, 0.5)).hasMessageContaining("k=0");
        assertThatThrownBy(() -> new NeighbourVote(LABELS, 5, 10, 1.5)).hasMessageContaining("weight=1.5");
    }
}
