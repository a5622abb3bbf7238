package io.triage.classify.taxonomy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.triage.classify.tier.Hashes;

/**
 * The taxonomy at one moment: the labels of each head and the channels, and where each list comes from.
 *
 * @param departments departments, in the order of their origin
 * @param urgencies   urgencies
 * @param sentiments  sentiments
 * @param channels    accepted channels, lower case
 * @param origins     per head ({@code department}, {@code urgency}, {@code sentiment}, {@code channel}):
 *                    {@code model:<version>} or {@code configuration}
 * @param fingerprint SHA-256 (hex) of the four lists: equal fingerprints, equal label sets
 * @param served      the production model's heads these labels were built from (identity tells a change)
 */
public record Labels(List<String> departments, List<String> urgencies, List<String> sentiments,
        List<String> channels, Map<String, String> origins, String fingerprint, ModelHeads served) {

    static final String CONFIGURATION = "configuration";

    /** The configured labels, with each head the model serves replaced by the model's labels. */
    static Labels of(TaxonomyProperties configured, ModelHeads served) {
        Map<String, String> origins = new LinkedHashMap<>();
        List<String> departments = head("department", configured.departments(), served, origins);
        List<String> urgencies = head("urgency", configured.urgencies(), served, origins);
        List<String> sentiments = head("sentiment", configured.sentiments(), served, origins);
        origins.put("channel", CONFIGURATION);
        return new Labels(departments, urgencies, sentiments, configured.channels(),
                Collections.unmodifiableMap(origins),
                fingerprint(departments, urgencies, sentiments, configured.channels()), served);
    }

    private static List<String> head(String head, List<String> configured, ModelHeads served,
            Map<String, String> origins) {
        List<String> modelLabels = served.labels().get(head);
        if (modelLabels == null || modelLabels.isEmpty()) {
            origins.put(head, CONFIGURATION);
            return configured;
        }
        origins.put(head, "model:" + served.version());
        return modelLabels;
    }

    /** Lists joined with separators no label contains, so no two label sets share a fingerprint. */
    private static String fingerprint(List<String> departments, List<String> urgencies, List<String> sentiments,
            List<String> channels) {
        return Hashes.sha256(String.join("\u0001", String.join("\u0000", departments),
                String.join("\u0000", urgencies), String.join("\u0000", sentiments), String.join("\u0000", channels)));
    }
}
