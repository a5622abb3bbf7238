package io.triage.classify.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF over word and character n-grams with sublinear term frequency (1 + ln tf), smoothed idf
 * (ln((1 + n) / (1 + df)) + 1) and l2 normalisation — the scikit-learn recipe, so its published numbers compare.
 * Features are found by n-gram hash; names are kept only to explain predictions. Immutable and thread-safe.
 */
public final class TfidfVectorizer {

    private final FeatureSettings settings;
    private final Ngrams ngrams;
    private final String[] names;
    private final float[] idf;
    private final LongIntMap index;

    public TfidfVectorizer(FeatureSettings settings, String[] names, float[] idf) {
        if (names.length != idf.length) {
            throw new IllegalArgumentException("vocabulary and idf differ in length");
        }
        this.settings = settings;
        this.ngrams = new Ngrams(settings);
        this.names = names.clone();
        this.idf = idf.clone();
        this.index = new LongIntMap(names.length);
        for (int i = 0; i < names.length; i++) {
            index.put(Ngrams.hash(names[i]), i + 1);
        }
    }

    /** Learns the vocabulary and idf weights from the training texts. */
    public static TfidfVectorizer fit(Collection<String> texts, FeatureSettings settings) {
        Ngrams ngrams = new Ngrams(settings);
        LongIntMap documentFrequency = new LongIntMap(1 << 16);
        Map<Long, String> firstNames = new HashMap<>();
        LongIntMap seenInText = new LongIntMap(1024);
        for (String text : texts) {
            seenInText.clear();
            ngrams.each(text, (hash, name) -> {
                if (seenInText.add(hash, 1) == 1 && documentFrequency.add(hash, 1) == settings.minDf()) {
                    firstNames.put(hash, name.name());
                }
            });
        }
        List<String> kept = new ArrayList<>(firstNames.values());
        kept.sort(null);
        String[] names = kept.toArray(String[]::new);
        float[] idf = new float[names.length];
        int n = texts.size();
        for (int i = 0; i < names.length; i++) {
            int df = documentFrequency.get(Ngrams.hash(names[i]), 0);
            idf[i] = (float) (Math.log((1.0 + n) / (1.0 + df)) + 1.0);
        }
        return new TfidfVectorizer(settings, names, idf);
    }

    public SparseVector transform(String text) {
        LongIntMap counts = new LongIntMap(text.length() * 2);
        ngrams.each(text, (hash, name) -> {
            int feature = index.get(hash, 0);
            if (feature > 0) {
                counts.add(feature, 1);
            }
        });
        int[] indices = new int[counts.size()];
        int[] tf = new int[counts.size()];
        int[] cursor = {0};
        counts.forEach((feature, count) -> {
            indices[cursor[0]++] = (int) feature - 1;
        });
        Arrays.sort(indices);
        float[] values = new float[indices.length];
        double norm = 0;
        for (int k = 0; k < indices.length; k++) {
            tf[k] = counts.get(indices[k] + 1, 0);
            values[k] = (float) ((1.0 + Math.log(tf[k])) * idf[indices[k]]);
            norm += values[k] * values[k];
        }
        if (norm > 0) {
            float scale = (float) (1.0 / Math.sqrt(norm));
            for (int k = 0; k < values.length; k++) {
                values[k] *= scale;
            }
        }
        return new SparseVector(indices, values);
    }

    public int size() {
        return names.length;
    }

    /** The n-gram behind a feature, without its kind prefix (character n-grams quoted, keeping their padding). */
    public String featureName(int feature) {
        String name = names[feature];
        return name.startsWith("c:") ? "'" + name.substring(2) + "'" : name.substring(2);
    }

    public FeatureSettings settings() {
        return settings;
    }

    String[] names() {
        return names.clone();
    }

    float[] idf() {
        return idf.clone();
    }
}
