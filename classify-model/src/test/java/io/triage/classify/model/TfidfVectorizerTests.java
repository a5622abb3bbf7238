package io.triage.classify.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TfidfVectorizerTests {

    private final TfidfVectorizer vectorizer = TfidfVectorizer.fit(
            List.of("refund my card payment", "card payment declined", "lost my card"), FeatureSettings.defaults());

    @Test
    void featuresSeenOnceAreNotInTheVocabulary() {
        for (int i = 0; i < vectorizer.size(); i++) {
            assertThat(vectorizer.featureName(i)).isNotEqualTo("refund").isNotEqualTo("lost");
        }
    }

    @Test
    void vectorsAreUnitLengthWithAscendingIndices() {
        SparseVector x = vectorizer.transform("Card payment, CARD payment!");
        double norm = 0;
        for (int k = 0; k < x.size(); k++) {
            norm += x.values()[k] * x.values()[k];
            if (k > 0) {
                assertThat(x.indices()[k]).isGreaterThan(x.indices()[k - 1]);
            }
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void textWithoutKnownNgramsIsTheZeroVector() {
        assertThat(vectorizer.transform("zzz qqq").size()).isZero();
    }

    @Test
    void streamedHashesMatchNameHashes() {
        Ngrams ngrams = new Ngrams(FeatureSettings.defaults());
        ngrams.each("Card payment", (hash, name) -> assertThat(Ngrams.hash(name.name())).isEqualTo(hash));
    }
}
