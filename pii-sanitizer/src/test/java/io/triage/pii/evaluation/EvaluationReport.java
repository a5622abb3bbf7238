package io.triage.pii.evaluation;

import java.util.Locale;
import java.util.Map;

/** Formats an {@link Evaluation} as the Markdown table used in the README and the benchmark report. */
final class EvaluationReport {

    private EvaluationReport() {
    }

    static String markdown(String title, Evaluation evaluation) {
        StringBuilder out = new StringBuilder();
        out.append("#### ").append(title).append(" (").append(evaluation.texts()).append(" texts)\n\n");
        out.append("| entity | precision | recall | F2 | PII chars removed |\n|---|---|---|---|---|\n");
        for (EntityScore score : evaluation.detectedEntityScores()) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %s |%n", score.label(),
                    number(score.precision()), number(score.recall()), score.f2(),
                    percent(evaluation.detectionRate(score.label()))));
        }
        for (Map.Entry<String, Long> undetected : evaluation.undetectedLabels().entrySet()) {
            out.append(String.format(Locale.ROOT, "| %s (not detected by design) | – | – | – | %s of %d chars |%n",
                    undetected.getKey(), percent(evaluation.detectionRate(undetected.getKey())),
                    undetected.getValue()));
        }
        out.append(String.format(Locale.ROOT, "%nDetection rate: structured %s, all supported kinds %s, "
                        + "all labelled PII incl. kinds not detected %s.%n",
                percent(evaluation.detectionRate(Evaluation.STRUCTURED)),
                percent(evaluation.supportedDetectionRate()), percent(evaluation.overallDetectionRate())));
        return out.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f %%", 100 * value);
    }
}
