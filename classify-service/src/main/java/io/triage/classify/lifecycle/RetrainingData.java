package io.triage.classify.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.triage.classify.lifecycle.ingestion.ValidatedTickets;
import io.triage.classify.lifecycle.provenance.TrainingData;
import io.triage.classify.lifecycle.provenance.TrainingSubjects;
import io.triage.classify.training.TrainingDataException;
import io.triage.classify.training.TrainingFileReader;
import io.triage.classify.training.TrainingSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Where the weekly retraining gets its validated tickets ({@code retraining.source}): by default the tickets agents
 * validated in the last {@code window} (90 days), from ingestion-service; or a labelled file (the customer's
 * exported history, mounted as a volume). No data is a clear refusal (422), never an empty model; ingestion-service
 * unreachable is a 503 and production keeps serving. Tickets of erased customers are left out (ingestion-service
 * has deleted them already; this also covers a page read while an erasure ran).
 */
@Component
public class RetrainingData {

    private final ModelProperties properties;
    private final ValidatedTickets validated;
    private final TrainingSubjects subjects;

    RetrainingData(ModelProperties properties, ValidatedTickets validated, TrainingSubjects subjects) {
        this.properties = properties;
        this.validated = validated;
        this.subjects = subjects;
    }

    public TrainingData load() {
        ModelProperties.Retraining retraining = properties.retraining();
        return switch (retraining.effectiveSource()) {
            case INGESTION -> fromIngestion(retraining);
            case FILE -> TrainingData.file(fromFile(retraining.dataFile()));
        };
    }

    private TrainingData fromIngestion(ModelProperties.Retraining retraining) {
        TrainingData data = validated.since(Instant.now().minus(retraining.window()), retraining.pageSize())
                .without(subjects.erasedCustomers());
        if (data.set().examples().isEmpty()) {
            throw new TrainingDataException("no validated tickets in the last " + describe(retraining.window())
                    + " (ingestion-service GET /tickets/validated)");
        }
        return data;
    }

    private static TrainingSet fromFile(@Nullable Path file) {
        if (file == null) {
            throw new TrainingDataException("no retraining data file: set triage.classify.models.retraining"
                    + ".data-file to a labelled CSV/JSONL file, or retraining.source=ingestion");
        }
        if (!Files.isReadable(file)) {
            throw new TrainingDataException("retraining data file " + file + " is not readable");
        }
        return new TrainingFileReader(Map.of()).read(file);
    }

    private static String describe(Duration window) {
        return window.toSeconds() % 86_400 == 0 ? window.toDays() + " days" : window.toString();
    }
}
