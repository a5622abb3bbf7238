package io.triage.classify.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Classes too small to train and evaluate are handled explicitly: merged into {@value #OTHER} when the merged class
 * is itself large enough, dropped otherwise, each time with a warning naming them.
 */
public final class RareClasses {

    public static final String OTHER = "other";

    private RareClasses() {
    }

    /** The training set after merging or dropping, and the warnings to show the user. */
    public record Outcome(TrainingSet trainingSet, List<String> warnings) {
    }

    public static Outcome handle(TrainingSet set, int minExamples) {
        Map<String, Map<String, String>> replacements = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        for (String head : set.heads()) {
            Map<String, Integer> counts = new TreeMap<>();
            set.examples().forEach(e -> {
                String label = e.labels().get(head);
                if (label != null) {
                    counts.merge(label, 1, Integer::sum);
                }
            });
            TreeSet<String> rare = new TreeSet<>();
            int rareTotal = 0;
            for (Map.Entry<String, Integer> entry : counts.entrySet()) {
                if (entry.getValue() < minExamples) {
                    rare.add(entry.getKey());
                    rareTotal += entry.getValue();
                }
            }
            if (rare.isEmpty()) {
                continue;
            }
            boolean merge = rareTotal >= minExamples && !counts.containsKey(OTHER);
            Map<String, String> replacement = new HashMap<>();
            rare.forEach(label -> replacement.put(label, merge ? OTHER : null));
            replacements.put(head, replacement);
            warnings.add("head '" + head + "': classes with fewer than " + minExamples + " examples "
                    + (merge ? "merged into '" + OTHER + "'" : "dropped") + ": " + rare);
        }
        if (replacements.isEmpty()) {
            return new Outcome(set, List.of());
        }
        List<LabelledText> examples = new ArrayList<>(set.examples().size());
        for (LabelledText example : set.examples()) {
            Map<String, String> labels = new LinkedHashMap<>(example.labels());
            replacements.forEach((head, replacement) -> {
                String label = labels.get(head);
                if (label != null && replacement.containsKey(label)) {
                    String merged = replacement.get(label);
                    if (merged == null) {
                        labels.remove(head);
                    } else {
                        labels.put(head, merged);
                    }
                }
            });
            if (!labels.isEmpty()) {
                examples.add(new LabelledText(example.text(), labels));
            }
        }
        return new Outcome(new TrainingSet(examples, set.heads()), warnings);
    }
}
