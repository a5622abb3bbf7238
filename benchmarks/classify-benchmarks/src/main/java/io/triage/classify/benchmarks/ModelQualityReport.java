package io.triage.classify.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.triage.classify.evaluation.HeadEvaluation;
import io.triage.classify.evaluation.ReportRenderer;
import io.triage.classify.model.HeadPrediction;
import io.triage.classify.training.LabelledText;
import io.triage.classify.training.ModelTrainer;
import io.triage.classify.training.TrainingParams;
import io.triage.classify.training.TrainingResult;
import io.triage.classify.training.TrainingSet;

/**
 * Writes {@code model-quality.md}: Banking77 (own seeded 70/15/15 split) with TF-IDF + LR, and the CLINC150
 * out-of-scope share that ends as needs_review. Usage: {@code ModelQualityReport <output.md>}.
 */
public final class ModelQualityReport {

    private static final String NOTES = """

            ## Against the issue's goals

            * Accuracy ≥ 0.91 for TF-IDF + LR alone: **not quite** — 90.3 % here, trained on 70 % of train.csv
              (7,005 queries) and tested on our own 15 %; DESIGN §8's 91.3 % trained on all 10,003 and tested on the
              official test split, which is not in this workspace.
            * ≥ 0.94 for the best combination: **not attempted** — the embedding-based second model and the
              combination were not built in this session, so TF-IDF + LR is the only model and the goal is not met.
            * ≥ 85 % coverage at precision ≥ 0.98: **not met** — thresholds chosen on validation for 0.98 give
              79.6 % coverage at 97.0 % test precision (the threshold-free curve shows 98.7 % precision at 70 %
              and 97.2 % at 80 % coverage).
            * CLINC150 out-of-scope: only 9.9 % end as needs_review at target precision 0.95 — thresholds chosen
              for in-scope precision say little about unseen intents; an explicit out-of-scope class (CLINC's
              `oos_train`) or a distance-to-training-data check would be needed.
            """;

    private ModelQualityReport() {
    }

    public static void main(String[] args) throws Exception {
        StringBuilder md = new StringBuilder("# Model quality (classify-service ML tier)\n\n");
        md.append(Environment.describe(LocalDate.now())).append('\n');
        md.append("Command: `").append(Environment.COMMAND_QUALITY).append("`\n\n");

        TrainingResult banking = ModelTrainer.train(Datasets.banking77(), TrainingParams.defaults());
        HeadEvaluation head = banking.report().heads().getFirst();
        md.append("## Banking77 (train.csv, 10,003 queries, 77 intents; seeded stratified 70/15/15)\n\n")
                .append("| model | accuracy | macro-F1 | coverage at precision ≥ 0.98 (thresholds from validation) |\n")
                .append("|---|---|---|---|\n")
                .append("| TF-IDF (word 1–2 + char 2–5) + one-vs-rest LR, C = 10 | ").append(pct(head.accuracy()))
                .append(" | ").append(fmt(head.macroF1())).append(" | ")
                .append(pct(head.operatingPoints().get(2).coverage())).append(" (precision ")
                .append(pct(head.operatingPoints().get(2).precision())).append(") |\n")
                .append("| reference: published BERT-Large fine-tuned (official test split) | ≈ 93.7 % | | |\n\n")
                .append(ReportRenderer.markdown(banking.report())).append('\n');

        md.append(clinc()).append(NOTES);
        Files.writeString(Path.of(args[0]), md.toString());
        System.out.println(md);
    }

    /** Trains on CLINC150's in-scope train+val, tests on in-scope test, then feeds the out-of-scope test split. */
    private static String clinc() {
        List<LabelledText> inScope = new ArrayList<>(Datasets.clinc150("train"));
        inScope.addAll(Datasets.clinc150("val"));
        TrainingSet set = new TrainingSet(inScope, List.of("department"));
        TrainingResult result = ModelTrainer.train(set, TrainingParams.defaults(), Datasets.clinc150("test"));
        HeadEvaluation head = result.report().heads().getFirst();
        List<LabelledText> outOfScope = Datasets.clinc150("oos_test");
        int review = 0;
        for (LabelledText query : outOfScope) {
            HeadPrediction p = result.bundle().predict(query.text(), "clinc").get("department");
            review += p.needsReview() ? 1 : 0;
        }
        return "## CLINC150 out-of-scope queries\n\n"
                + "Trained on the 150 in-scope intents (train + val, 18,000 queries; 85/15 train/validation), "
                + "thresholds for precision 0.95 chosen on validation.\n\n"
                + "| measure | value |\n|---|---|\n"
                + "| in-scope test accuracy (4,500 queries) | " + pct(head.accuracy()) + " |\n"
                + "| in-scope test coverage / precision at target 0.95 | "
                + pct(head.operatingPoints().get(1).coverage()) + " / "
                + pct(head.operatingPoints().get(1).precision()) + " |\n"
                + "| **out-of-scope test queries (1,000) ending as needs_review** | **"
                + pct((double) review / outOfScope.size()) + "** |\n";
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", v * 100);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
