package io.triage.pii.evaluation;

import io.triage.pii.Finding;
import io.triage.pii.PiiSanitizer;
import io.triage.pii.PiiType;
import io.triage.pii.SanitizerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the evaluation tables for the README: the development sets (generated tickets, presidio-research's
 * synthetic set, with built-in lists and with the gazetteers, rules alone and with the shipped OpenNLP model), the
 * first held-out set of issue 21 (development data since its misses were read), the second unseen set
 * (development data since the fourth round), the third set ({@link FreshTexts}, development data since the fifth
 * round; no untouched unseen set remains), a dev-versus-unseen
 * table, and over-redaction on Banking77 questions. Argument: the data directory (default {@code ../shared/data}).
 */
public final class EvaluationMain {

    private EvaluationMain() {
    }

    /** Seed of the evaluation tickets; the shipped model never saw tickets of this seed. */
    static final long TICKET_SEED = 7L;
    static final int TICKETS = 2_000;
    /** Seed and size of the held-out set; never used while developing the detectors. */
    static final long HELD_OUT_SEED = 21L;
    static final int HELD_OUT_TEXTS = 2_000;
    /** Seed and size of the second unseen set (frozen 2026-12-05); measured only at the start and end of a round. */
    static final long UNSEEN_SEED = 2112L;
    static final int UNSEEN_TEXTS = 2_000;
    /**
     * Seed and size of the third unseen set (frozen 2026-12-06, before the fourth round); development data since the
     * fifth round, whose fixes came from its printed misses.
     */
    static final long FRESH_SEED = 4404L;
    static final int FRESH_TEXTS = 2_000;

    public static void main(String[] args) {
        List<LabelledText> tickets = GeneratedTickets.generate(TICKET_SEED, TICKETS);
        List<LabelledText> heldOut = HeldOutTexts.generate(HELD_OUT_SEED, HELD_OUT_TEXTS);
        List<LabelledText> unseen = UnseenTexts.generate(UNSEEN_SEED, UNSEEN_TEXTS);
        List<LabelledText> fresh = FreshTexts.generate(FRESH_SEED, FRESH_TEXTS);
        SanitizerSettings defaults = SanitizerSettings.defaults();
        print("generated tickets (seed 7), built-in lists, rules only", defaults.withNamedEntities(true, false),
                tickets);
        print("generated tickets (seed 7), built-in lists, rules + OpenNLP model", defaults, tickets);
        print("held-out texts (seed 21), built-in lists, rules + OpenNLP model", defaults, heldOut);
        print("unseen texts (seed 2112, now dev), built-in lists, rules + OpenNLP model", defaults, unseen);
        print("fresh texts (seed 4404, now dev), built-in lists, rules + OpenNLP model", defaults, fresh);
        SideBySideReport side = new SideBySideReport()
                .add("dev: generated tickets", Evaluation.of(defaults.build(), tickets));
        Path data = Path.of(args.length > 0 ? args[0] : System.getProperty("triage.data.dir", "../shared/data"));
        Path presidio = data.resolve("pii/synth_dataset_v2.json");
        Path gazetteers = data.resolve("gazetteers");
        if (Files.isRegularFile(presidio)) {
            List<LabelledText> texts = PresidioDataset.read(presidio);
            print("presidio synth_dataset_v2, built-in lists, rules only", defaults.withNamedEntities(true, false),
                    texts);
            print("presidio synth_dataset_v2, built-in lists, rules + OpenNLP model", defaults, texts);
            side.add("dev: presidio", Evaluation.of(defaults.build(), texts));
            if (Files.isDirectory(gazetteers)) {
                SanitizerSettings full = defaults.withGazetteers(gazetteers);
                print("presidio synth_dataset_v2, gazetteers, rules only", full.withNamedEntities(true, false), texts);
                print("presidio synth_dataset_v2, gazetteers, rules + OpenNLP model", full, texts);
            }
        } else {
            System.out.println("presidio data absent at " + presidio + ", skipped");
        }
        side.add("old held-out (seed 21, now dev)", Evaluation.of(defaults.build(), heldOut));
        side.add("unseen (seed 2112, now dev)", Evaluation.of(defaults.build(), unseen));
        side.add("seed 4404 (now dev; unseen in round 4)", Evaluation.of(defaults.build(), fresh));
        if (Files.isDirectory(gazetteers)) {
            side.add("seed 2112, gazetteers", Evaluation.of(defaults.withGazetteers(gazetteers).build(), unseen));
            side.add("fresh (seed 4404), gazetteers", Evaluation.of(defaults.withGazetteers(gazetteers).build(),
                    fresh));
        }
        System.out.println("#### dev versus unseen, default settings\n\n" + side.markdown());
        overRedaction(data.resolve("banking77/train.csv"), defaults.build());
    }

    private static void overRedaction(Path banking, PiiSanitizer sanitizer) {
        if (!Files.isRegularFile(banking)) {
            System.out.println("banking77 absent at " + banking + ", skipped");
            return;
        }
        List<String> questions = BankingQuestions.read(banking);
        Map<PiiType, Integer> byType = new TreeMap<>();
        int altered = 0;
        for (String question : questions) {
            List<Finding> findings = sanitizer.find(question);
            altered += findings.isEmpty() ? 0 : 1;
            findings.forEach(finding -> byType.merge(finding.type(), 1, Integer::sum));
        }
        System.out.printf("#### over-redaction, Banking77 train (no personal data)%n%n%d of %d questions altered "
                + "(%.2f %%); findings by kind: %s%n", altered, questions.size(), 100.0 * altered / questions.size(),
                byType);
    }

    private static void print(String title, SanitizerSettings settings, List<LabelledText> texts) {
        System.out.println(EvaluationReport.markdown(title, Evaluation.of(settings.build(), texts)));
    }
}
