package io.triage.classify.training;

import java.util.Map;

/**
 * One training example: a (sanitised) text and the labels it has, by head name; a head may be missing.
 *
 * @param text   the text a model reads
 * @param labels label per head ({@code department}, {@code urgency}, {@code sentiment}), any subset
 */
public record LabelledText(String text, Map<String, String> labels) {

    public LabelledText {
        labels = Map.copyOf(labels);
    }
}
