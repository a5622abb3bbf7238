package io.triage.classify.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.triage.classify.training.Heads;
import io.triage.classify.training.LabelledText;
import io.triage.classify.training.TrainingFileReader;
import io.triage.classify.training.TrainingSet;
import io.triage.tickets.SyntheticTicket;
import io.triage.tickets.TicketGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The data sets the benchmarks read: public ones from {@code triage.data.dir}, tickets from the generator. */
final class Datasets {

    private Datasets() {
    }

    static Path dataDir() {
        Path dir = Path.of(System.getProperty("triage.data.dir", "../shared/data"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir.toAbsolutePath() + " is absent; set -Dtriage.data.dir");
        }
        return dir;
    }

    /** Banking77's train split with its intent as the department head. */
    static TrainingSet banking77() {
        return new TrainingFileReader(Map.of("category", Heads.DEPARTMENT))
                .read(dataDir().resolve("banking77/train.csv"));
    }

    /** CLINC150 split {@code name} (e.g. train, val, test, oos_test), intents as the department head. */
    static List<LabelledText> clinc150(String split) {
        JsonNode root = JsonMapper.builder().build().readTree(dataDir().resolve("clinc150/data_full.json").toFile());
        List<LabelledText> examples = new ArrayList<>();
        for (JsonNode pair : root.get(split)) {
            examples.add(new LabelledText(pair.get(0).asString(), Map.of(Heads.DEPARTMENT, pair.get(1).asString())));
        }
        return examples;
    }

    static TrainingSet tickets(long seed, int count) {
        List<LabelledText> examples = new ArrayList<>(count);
        for (SyntheticTicket t : new TicketGenerator(seed).generate(count)) {
            examples.add(new LabelledText(t.subject() + "\n" + t.description(), Map.of(Heads.DEPARTMENT,
                    t.department(), Heads.URGENCY, t.urgency(), Heads.SENTIMENT, t.sentiment())));
        }
        return new TrainingSet(examples, Heads.ALL);
    }
}
