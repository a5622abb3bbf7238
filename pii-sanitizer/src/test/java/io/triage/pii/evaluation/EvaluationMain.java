package io.triage.pii.evaluation;

import io.triage.pii.SanitizerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the evaluation tables for the README: presidio-research's synthetic set with built-in lists only and with
 * the gazetteers, each with the rules alone and with the shipped OpenNLP model. Argument: the data directory
 * (default {@code ../shared/data}).
 */
public final class EvaluationMain {

    private EvaluationMain() {
    }

    /** Seed of the evaluation tickets; the shipped model never saw tickets of this seed. */
    static final long TICKET_SEED = 7L;
    static final int TICKETS = 2_000;

    public static void main(String[] args) {
        List<LabelledText> tickets = GeneratedTickets.generate(TICKET_SEED, TICKETS);
        SanitizerSettings defaults = SanitizerSettings.defaults();
        print("generated tickets (seed 7), built-in lists, rules only", defaults.withNamedEntities(true, false),
                tickets);
        print("generated tickets (seed 7), built-in lists, rules + OpenNLP model", defaults, tickets);
        Path data = Path.of(args.length > 0 ? args[0] : System.getProperty("triage.data.dir", "../shared/data"));
        Path presidio = data.resolve("pii/synth_dataset_v2.json");
        Path gazetteers = data.resolve("gazetteers");
        if (!Files.isRegularFile(presidio)) {
            System.out.println("presidio data absent at " + presidio + ", nothing to evaluate");
            return;
        }
        List<LabelledText> texts = PresidioDataset.read(presidio);
        SanitizerSettings builtIn = SanitizerSettings.defaults();
        print("presidio synth_dataset_v2, built-in lists, rules only", builtIn.withNamedEntities(true, false), texts);
        print("presidio synth_dataset_v2, built-in lists, rules + OpenNLP model", builtIn, texts);
        if (Files.isDirectory(gazetteers)) {
            SanitizerSettings full = builtIn.withGazetteers(gazetteers);
            print("presidio synth_dataset_v2, gazetteers, rules only", full.withNamedEntities(true, false), texts);
            print("presidio synth_dataset_v2, gazetteers, rules + OpenNLP model", full, texts);
        }
    }

    private static void print(String title, SanitizerSettings settings, List<LabelledText> texts) {
        System.out.println(EvaluationReport.markdown(title, Evaluation.of(settings.build(), texts)));
    }
}
