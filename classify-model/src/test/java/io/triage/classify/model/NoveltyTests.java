package io.triage.classify.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The combined model's novelty floor, with the real sentence encoder. */
class NoveltyTests {

    static SentenceEncoder encoder;
    static float[] stored;
    static TfidfVectorizer vectorizer;

    @BeforeAll
    static void encodeTrainingExamples() {
        encoder = SentenceEncoders.standard();
        List<String> examples = List.of("My new card has not arrived yet", "I was charged twice for one payment");
        List<float[]> vectors = encoder.encode(examples);
        stored = new float[2 * encoder.dimension()];
        System.arraycopy(vectors.get(0), 0, stored, 0, encoder.dimension());
        System.arraycopy(vectors.get(1), 0, stored, encoder.dimension(), encoder.dimension());
        vectorizer = TfidfVectorizer.fit(examples, new FeatureSettings(1, 1, 2, 3, 1));
    }

    /** A bundle whose one head always prefers "card" with high confidence; only novelty can make it review. */
    static ModelBundle bundle(float floor) {
        int features = vectorizer.size() + encoder.dimension();
        LinearHead head = new LinearHead(List.of("card", "payment"), new float[features * 2], new float[] {8, 0}, 1.0,
                new double[] {0.5, 0.5});
        int[] labels = {0, 1};
        SentenceFeatures sentences = new SentenceFeatures(encoder, 1f, floor, stored,
                Map.of("department", new NeighbourVote(labels, 1, 10, 1.0)));
        return new ModelBundle(vectorizer, Map.of("department", head), sentences);
    }

    @Test
    void textUnlikeEveryTrainingExampleAsksForReviewWhateverTheConfidence() {
        ModelBundle model = bundle(0.7f);
        HeadPrediction near = model.predict("my new card still has not arrived", "v1").get("department");
        HeadPrediction far = model.predict("what will the weather be in Lisbon on Saturday", "v1").get("department");
        assertThat(near.confidence()).isGreaterThan(0.99);
        assertThat(near.needsReview()).isFalse();
        assertThat(far.confidence()).isGreaterThan(0.99);
        assertThat(far.needsReview()).isTrue();
    }

    @Test
    void floorBelowEverySimilarityNeverFlags() {
        HeadPrediction far = bundle(-1f).predict("what will the weather be in Lisbon on Saturday", "v1")
                .get("department");
        assertThat(far.needsReview()).isFalse();
    }

    @Test
    void floorSurvivesTheArtifact() {
        byte[] bytes = ArtifactCodec.encode(bundle(0.7f));
        ModelBundle loaded = ArtifactCodec.decode(bytes, ArtifactCodec.sha256(bytes));
        assertThat(loaded.sentences().noveltyFloor()).isEqualTo(0.7f);
        assertThat(loaded.predict("what will the weather be in Lisbon on Saturday", "v1").get("department")
                .needsReview()).isTrue();
    }
}
