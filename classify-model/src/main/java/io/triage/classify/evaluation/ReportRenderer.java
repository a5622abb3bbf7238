package io.triage.classify.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Renders a {@link TrainingReport} as Markdown for people; the JSON form is the record itself. */
public final class ReportRenderer {

    private static final int CONFUSIONS_SHOWN = 10;

    private ReportRenderer() {
    }

    public static String markdown(TrainingReport report) {
        StringBuilder md = new StringBuilder();
        md.append("| parameter | value |\n|---|---|\n");
        row(md, "C", fmt(report.c()));
        row(md, "max_iter", Integer.toString(report.maxIter()));
        row(md, "ngram_range", report.ngramRange());
        row(md, "target precision", fmt(report.targetPrecision()));
        row(md, "split seed", Long.toString(report.seed()));
        row(md, "examples (train / validation / test)", report.examples() + " (" + report.trainExamples() + " / "
                + report.validationExamples() + " / " + report.testExamples() + ")");
        row(md, "TF-IDF features", Integer.toString(report.vocabularySize()));
        row(md, "training time", report.trainingMillis() + " ms");
        row(md, "data fingerprint (SHA-256)", "`" + report.dataFingerprint() + "`");
        row(md, "kept model", "`" + report.model() + "`");
        if (report.noveltyFloor() != null) {
            row(md, "novelty floor (review below this similarity to the nearest training example)",
                    fmt(report.noveltyFloor()));
        }
        md.append("\n| model | validation accuracy | validation macro-F1 | test accuracy | test macro-F1 | kept |\n")
                .append("|---|---|---|---|---|---|\n");
        for (ModelScore m : report.models()) {
            md.append("| `").append(m.model()).append("` | ").append(pct(m.validationAccuracy())).append(" | ")
                    .append(fmt(m.validationMacroF1())).append(" | ").append(pct(m.testAccuracy())).append(" | ")
                    .append(fmt(m.testMacroF1())).append(" | ").append(m.kept() ? "yes" : "").append(" |\n");
        }
        for (String warning : report.warnings()) {
            md.append("\n> warning: ").append(warning).append('\n');
        }
        for (HeadEvaluation head : report.heads()) {
            head(md, head);
        }
        return md.toString();
    }

    private static void head(StringBuilder md, HeadEvaluation head) {
        md.append("\n### Head `").append(head.head()).append("`\n\n");
        md.append("Accuracy **").append(pct(head.accuracy())).append("**, macro-F1 **").append(fmt(head.macroF1()))
                .append("** on ").append(head.testExamples()).append(" test examples.\n\n");
        md.append("| target precision (thresholds from validation) | coverage on test | precision on test |\n")
                .append("|---|---|---|\n");
        for (OperatingPoint p : head.operatingPoints()) {
            md.append("| ").append(fmt(p.targetPrecision())).append(" | ").append(pct(p.coverage())).append(" | ")
                    .append(pct(p.precision())).append(" |\n");
        }
        md.append("\nPrecision–coverage (most confident share of test predictions):\n\n| coverage |");
        head.precisionCoverage().forEach(p -> md.append(' ').append(pct(p.coverage())).append(" |"));
        md.append("\n|---|");
        head.precisionCoverage().forEach(p -> md.append("---|"));
        md.append("\n| precision |");
        head.precisionCoverage().forEach(p -> md.append(' ').append(pct(p.precision())).append(" |"));
        md.append("\n\n| class | precision | recall | F1 | support |\n|---|---|---|---|---|\n");
        for (ClassMetrics c : head.perClass()) {
            md.append("| ").append(c.label()).append(" | ").append(fmt(c.precision())).append(" | ")
                    .append(fmt(c.recall())).append(" | ").append(fmt(c.f1())).append(" | ").append(c.support())
                    .append(" |\n");
        }
        confusions(md, head);
    }

    /** The largest off-diagonal cells; the full matrix is in the JSON report. */
    private static void confusions(StringBuilder md, HeadEvaluation head) {
        List<int[]> cells = new ArrayList<>();
        int[][] m = head.confusion();
        for (int g = 0; g < m.length; g++) {
            for (int p = 0; p < m.length; p++) {
                if (g != p && m[g][p] > 0) {
                    cells.add(new int[] {g, p, m[g][p]});
                }
            }
        }
        cells.sort(Comparator.comparingInt((int[] c) -> -c[2]));
        md.append("\nMost frequent confusions (full confusion matrix in the JSON report):\n\n")
                .append("| true class | predicted as | count |\n|---|---|---|\n");
        cells.stream().limit(CONFUSIONS_SHOWN).forEach(c -> md.append("| ").append(head.labels().get(c[0]))
                .append(" | ").append(head.labels().get(c[1])).append(" | ").append(c[2]).append(" |\n"));
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String pct(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value * 100);
    }
}
