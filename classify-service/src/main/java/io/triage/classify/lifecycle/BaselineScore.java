package io.triage.classify.lifecycle;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.triage.classify.model.ModelBundle;
import io.triage.classify.training.LabelledText;

/**
 * The production model's mean macro-F1 over the candidate's heads on the candidate's test split, so the promotion
 * rule compares two models on the same examples. A head production lacks scores 0.
 */
final class BaselineScore {

    private BaselineScore() {
    }

    static double macroF1(ModelBundle production, List<String> heads, List<LabelledText> test) {
        double sum = 0;
        for (String head : heads) {
            sum += production.heads().containsKey(head) ? headMacroF1(production, head, test) : 0;
        }
        return heads.isEmpty() ? 0 : sum / heads.size();
    }

    private static double headMacroF1(ModelBundle production, String head, List<LabelledText> test) {
        Map<String, int[]> counts = new HashMap<>();
        Set<String> classes = new HashSet<>();
        for (LabelledText example : test) {
            String gold = example.labels().get(head);
            if (gold == null) {
                continue;
            }
            String predicted = Objects.requireNonNull(production.predict(example.text(), "baseline").get(head),
                    () -> "the production model has no head " + head).label();
            classes.add(gold);
            // counts: [true positives, predicted as, actually]
            counts.computeIfAbsent(predicted, k -> new int[3])[1]++;
            counts.computeIfAbsent(gold, k -> new int[3])[2]++;
            if (gold.equals(predicted)) {
                counts.get(gold)[0]++;
            }
        }
        double sum = 0;
        for (String label : classes) {
            int[] c = Objects.requireNonNull(counts.get(label));
            double precision = c[1] == 0 ? 0 : (double) c[0] / c[1];
            double recall = c[2] == 0 ? 0 : (double) c[0] / c[2];
            sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return classes.isEmpty() ? 0 : sum / classes.size();
    }
}
