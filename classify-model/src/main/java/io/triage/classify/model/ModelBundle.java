package io.triage.classify.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A trained model: one shared TF-IDF vectoriser, one {@link LinearHead} per head name (department, urgency,
 * sentiment — any subset) and, for the combined model, the {@link SentenceFeatures} whose vector the heads also read
 * and whose neighbour vote they blend in. Immutable and thread-safe.
 *
 * @param vectorizer the n-gram features every head reads
 * @param heads      heads by name, in training order
 * @param sentences  the sentence-vector part; null for the TF-IDF-only model
 */
public record ModelBundle(TfidfVectorizer vectorizer, Map<String, LinearHead> heads,
        @Nullable SentenceFeatures sentences) {

    public ModelBundle {
        heads = Collections.unmodifiableMap(new LinkedHashMap<>(heads));
    }

    public ModelBundle(TfidfVectorizer vectorizer, Map<String, LinearHead> heads) {
        this(vectorizer, heads, null);
    }

    /** What the heads read for one text: the feature vector and, with sentence features, the neighbour similarities. */
    public record Features(SparseVector x, float @Nullable [] similarities) {
    }

    /** Which model this is, as reports and answers name it. */
    public String kind() {
        return sentences == null ? "tfidf-lr" : "tfidf+" + sentences.encoder().name() + "-lr+knn";
    }

    /**
     * Whether {@link #predict(String, String, float[])} reads a sentence vector, and the embedding-service model
     * whose vectors it can take instead of encoding the text: empty for the TF-IDF-only model and for an encoder
     * no embedding-service model equals (bge-small).
     */
    public Optional<String> embeddingServiceModel() {
        return sentences == null ? Optional.empty() : sentences.encoder().embeddingServiceModel();
    }

    /** Whether answering encodes the text with a sentence encoder (the combined model does). */
    public boolean encodes() {
        return sentences != null;
    }

    /** Every head's answer for one (already sanitised) text. */
    public Map<String, HeadPrediction> predict(String text, String modelVersion) {
        return predict(text, modelVersion, null);
    }

    /**
     * Every head's answer for one (already sanitised) text whose sentence vector may already be known.
     *
     * @param sentence the text's unit-length sentence vector by this model's encoder (e.g. the one embedding-service
     *                 returned for {@link #embeddingServiceModel()}), used instead of encoding the text; null encodes
     *                 the text as {@link #predict(String, String)} does. Ignored by a model without sentence features
     * @throws IllegalArgumentException when {@code sentence} does not have the encoder's dimension
     */
    public Map<String, HeadPrediction> predict(String text, String modelVersion, float @Nullable [] sentence) {
        if (sentences != null && sentence != null && sentence.length != sentences.encoder().dimension()) {
            throw new IllegalArgumentException("a sentence vector of " + sentence.length + " dimensions, not "
                    + sentences.encoder().dimension() + " (" + sentences.encoder().name() + ")");
        }
        Features features = features(vectorizer.transform(text), sentences == null ? null
                : sentence != null ? sentence : sentences.encoder().encode(text), true);
        boolean novel = novel(features);
        Map<String, HeadPrediction> answers = new LinkedHashMap<>();
        heads.forEach((name, head) -> answers.put(name,
                head.predict(probabilities(name, features), features.x(), vectorizer, modelVersion, novel)));
        return answers;
    }

    /**
     * The features of a text whose TF-IDF vector and sentence vector are already computed (training computes them
     * in batches).
     *
     * @param withSimilarities whether to compare the sentence vector with every stored neighbour (the vote needs it)
     */
    public Features features(SparseVector tfidf, float @Nullable [] sentence, boolean withSimilarities) {
        if (sentences == null || sentence == null) {
            return new Features(tfidf, null);
        }
        return new Features(sentences.extend(tfidf, sentence, vectorizer.size()),
                withSimilarities ? sentences.similarities(sentence) : null);
    }

    /** Whether the text is unlike every stored training example, so every head asks for review. */
    public boolean novel(Features features) {
        return sentences != null && features.similarities() != null && sentences.novel(features.similarities());
    }

    /**
     * A head's calibrated class probabilities, blended with its neighbour vote when the model has one.
     *
     * @throws NullPointerException when the model has no head {@code head}
     */
    public double[] probabilities(String head, Features features) {
        double[] linear = Objects.requireNonNull(heads.get(head), () -> "the model has no head " + head)
                .probabilities(features.x());
        return sentences == null || features.similarities() == null ? linear
                : sentences.blend(head, linear, features.similarities());
    }
}
