package io.triage.classify.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.triage.classify.training.TrainingDataException;
import io.triage.classify.training.TrainingFileReader;
import io.triage.classify.training.TrainingSet;
import org.springframework.stereotype.Component;

/**
 * Where the weekly retraining gets its validated tickets: the configured labelled file (the customer's exported
 * history, mounted as a volume). Fetching validated tickets from ingestion-service replaces this once its API
 * exposes agent-validated labels; until then a missing file is a clear refusal, not an empty model.
 */
@Component
class RetrainingData {

    private final ModelProperties properties;

    RetrainingData(ModelProperties properties) {
        this.properties = properties;
    }

    TrainingSet load() {
        Path file = properties.retraining().dataFile();
        if (file == null) {
            throw new TrainingDataException("no retraining data source: set triage.classify.models.retraining"
                    + ".data-file to a labelled CSV/JSONL file");
        }
        if (!Files.isReadable(file)) {
            throw new TrainingDataException("retraining data file " + file + " is not readable");
        }
        return new TrainingFileReader(Map.of()).read(file);
    }
}
