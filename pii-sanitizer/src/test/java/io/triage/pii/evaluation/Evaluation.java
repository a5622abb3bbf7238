package io.triage.pii.evaluation;

import io.triage.pii.Finding;
import io.triage.pii.PiiSanitizer;
import io.triage.pii.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a sanitizer over labelled texts and counts, per entity, token-level precision and recall, and per gold label
 * the share of PII characters (non-whitespace) that ended up inside some finding, whatever its type: that share is
 * the detection rate, i.e. how much personal data was removed.
 */
final class Evaluation {

    /** The structured kinds the 99.5 % detection-rate target applies to. */
    static final Set<String> STRUCTURED = Set.of("EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "ACCOUNT_ID");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    private final Map<String, EntityScore> scores = new TreeMap<>();
    private final Map<String, long[]> characters = new TreeMap<>();
    private int texts;

    /** Evaluates {@code sanitizer} on all {@code texts}. */
    static Evaluation of(PiiSanitizer sanitizer, List<LabelledText> texts) {
        Evaluation evaluation = new Evaluation();
        for (LabelledText text : texts) {
            evaluation.add(text, sanitizer.find(text.text()));
        }
        return evaluation;
    }

    private void add(LabelledText labelled, List<Finding> findings) {
        texts++;
        String text = labelled.text();
        String[] gold = new String[text.length()];
        for (GoldSpan span : labelled.spans()) {
            for (int i = span.start(); i < span.end() && i < gold.length; i++) {
                gold[i] = span.label();
            }
        }
        String[] predicted = new String[text.length()];
        for (Finding finding : findings) {
            for (int i = finding.start(); i < finding.end(); i++) {
                predicted[i] = finding.type().name();
            }
        }
        countTokens(text, gold, predicted);
        countCharacters(text, gold, predicted);
    }

    private void countTokens(String text, String[] gold, String[] predicted) {
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            String goldLabel = label(gold, token.start(), token.end());
            String predictedLabel = label(predicted, token.start(), token.end());
            if (goldLabel != null && goldLabel.equals(predictedLabel)) {
                score(goldLabel, 1, 0, 0);
                continue;
            }
            if (goldLabel != null) {
                score(goldLabel, 0, 0, 1);
            }
            if (predictedLabel != null) {
                score(predictedLabel, 0, 1, 0);
            }
        }
    }

    private void countCharacters(String text, String[] gold, String[] predicted) {
        for (int i = 0; i < gold.length; i++) {
            if (gold[i] != null && !Character.isWhitespace(text.charAt(i))) {
                long[] counts = characters.computeIfAbsent(gold[i], l -> new long[2]);
                counts[0]++;
                if (predicted[i] != null) {
                    counts[1]++;
                }
            }
        }
    }

    /** The label covering most of the token's characters, or null. */
    private static String label(String[] labels, int start, int end) {
        String best = null;
        for (int i = start; i < end; i++) {
            if (labels[i] != null) {
                best = labels[i];
                break;
            }
        }
        return best;
    }

    private void score(String label, long tp, long fp, long fn) {
        scores.merge(label, new EntityScore(label, tp, fp, fn),
                (a, b) -> a.plus(b.truePositives(), b.falsePositives(), b.falseNegatives()));
    }

    int texts() {
        return texts;
    }

    /** Token scores for the labels this library detects and that occur in the data or predictions. */
    List<EntityScore> detectedEntityScores() {
        List<EntityScore> result = new ArrayList<>();
        for (PiiType type : PiiType.values()) {
            EntityScore score = scores.get(type.name());
            if (score != null) {
                result.add(score);
            }
        }
        return result;
    }

    /** Gold labels we do not detect, with their span characters. */
    Map<String, Long> undetectedLabels() {
        Map<String, Long> result = new TreeMap<>();
        characters.forEach((label, counts) -> {
            if (!isOurs(label)) {
                result.put(label, counts[0]);
            }
        });
        return result;
    }

    /** Share of the PII characters of the given gold labels that were removed; NaN when there are none. */
    double detectionRate(Set<String> labels) {
        long total = 0;
        long removed = 0;
        for (Map.Entry<String, long[]> entry : characters.entrySet()) {
            if (labels.contains(entry.getKey())) {
                total += entry.getValue()[0];
                removed += entry.getValue()[1];
            }
        }
        return total == 0 ? Double.NaN : (double) removed / total;
    }

    /** Detection rate over all gold labels, including kinds we do not detect. */
    double overallDetectionRate() {
        return detectionRate(characters.keySet());
    }

    /** Detection rate over the gold labels this library claims to detect. */
    double supportedDetectionRate() {
        return detectionRate(characters.keySet().stream().filter(Evaluation::isOurs)
                .collect(java.util.stream.Collectors.toSet()));
    }

    /** Token recall of one label, NaN when it does not occur. */
    double recall(String label) {
        EntityScore score = scores.get(label);
        return score == null ? Double.NaN : score.recall();
    }

    /** Detection rate for one label. */
    double detectionRate(String label) {
        return detectionRate(Set.of(label));
    }

    private static boolean isOurs(String label) {
        for (PiiType type : PiiType.values()) {
            if (type.name().equals(label)) {
                return true;
            }
        }
        return false;
    }
}
