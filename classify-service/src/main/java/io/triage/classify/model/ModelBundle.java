package io.triage.classify.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained model: one shared TF-IDF vectoriser and one {@link LinearHead} per head name (department, urgency,
 * sentiment — any subset). Immutable and thread-safe.
 *
 * @param vectorizer the features every head reads
 * @param heads      heads by name, in training order
 */
public record ModelBundle(TfidfVectorizer vectorizer, Map<String, LinearHead> heads) {

    public ModelBundle {
        heads = Collections.unmodifiableMap(new LinkedHashMap<>(heads));
    }

    /** Every head's answer for one (already sanitised) text. */
    public Map<String, HeadPrediction> predict(String text, String modelVersion) {
        SparseVector x = vectorizer.transform(text);
        Map<String, HeadPrediction> answers = new LinkedHashMap<>();
        heads.forEach((name, head) -> answers.put(name, head.predict(x, vectorizer, modelVersion)));
        return answers;
    }
}
