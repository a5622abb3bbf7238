package io.triage.classify.model;

/**
 * Which n-grams the TF-IDF vectoriser counts and how rare a feature may be.
 *
 * @param wordMin smallest word n-gram (1 = single words)
 * @param wordMax largest word n-gram
 * @param charMin smallest character n-gram, taken inside word boundaries
 * @param charMax largest character n-gram
 * @param minDf   a feature must occur in at least this many training texts to enter the vocabulary
 */
public record FeatureSettings(int wordMin, int wordMax, int charMin, int charMax, int minDf) {

    public FeatureSettings {
        if (wordMin < 1 || wordMax < wordMin || charMin < 1 || charMax < charMin || minDf < 1) {
            throw new IllegalArgumentException("invalid n-gram settings: " + wordMin + ".." + wordMax + " words, "
                    + charMin + ".." + charMax + " characters, min_df " + minDf);
        }
    }

    /** Word 1–2-grams and character 2–5-grams, features seen in at least two texts. */
    public static FeatureSettings defaults() {
        return new FeatureSettings(1, 2, 2, 5, 2);
    }
}
