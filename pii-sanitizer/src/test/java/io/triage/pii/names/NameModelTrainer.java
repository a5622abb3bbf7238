package io.triage.pii.names;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the shipped OpenNLP name model from {@link NerTrainingCorpus} (synthetic sentences only) and writes it to
 * the path given as first argument. Reproducible: fixed seed, fixed parameters. See the module README for the
 * exact command.
 */
public final class NameModelTrainer {

    static final long SEED = 20261125L;
    static final int SENTENCES = 6_000;

    private NameModelTrainer() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0]
                : "src/main/resources/io/triage/pii/names/ticket-ner.bin");
        TokenNameFinderModel model = train();
        try (OutputStream out = Files.newOutputStream(target)) {
            model.serialize(out);
        }
        System.out.println("wrote " + target + " (" + Files.size(target) + " bytes)");
    }

    static TokenNameFinderModel train() throws IOException {
        NerTrainingCorpus corpus = new NerTrainingCorpus(NameLists.builtIn(), SEED);
        TrainingParameters parameters = TrainingParameters.defaultParams();
        parameters.put(TrainingParameters.ITERATIONS_PARAM, 100);
        parameters.put(TrainingParameters.CUTOFF_PARAM, 2);
        return NameFinderME.train("en", null, new CollectionObjectStream<>(corpus.samples(SENTENCES)), parameters,
                new TokenNameFinderFactory());
    }
}
