package io.triage.classify.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

import io.triage.classify.evaluation.ReuseCalibration;
import io.triage.classify.model.SentenceEncoder;
import io.triage.classify.model.SentenceEncoders;
import io.triage.classify.training.DataSplit;
import io.triage.classify.training.LabelledText;
import io.triage.classify.training.TrainingProgress;
import org.springframework.stereotype.Component;

/**
 * Measures, when a model version is trained, how safe reusing a near-duplicate's label is (issue 23 item 1): each
 * validation example is compared with its nearest training example, encoded with the cache's encoder (the one whose
 * vectors equal embedding-service's, whichever encoder the model uses), and the similarity → reuse-precision curve
 * gives the threshold the cache applies while this version answers.
 */
@Component
public class ReuseCalibrator {

    /** The head whose label the cache's agreement checks and reuses. */
    static final String HEAD = "department";
    private static final int BATCH = 256;

    private final CacheTierProperties settings;

    ReuseCalibrator(CacheTierProperties settings) {
        this.settings = settings;
    }

    /** The embedding-service model id the calibration's vectors equal (what the cache's search reports). */
    public String encoderId() {
        SentenceEncoder encoder = SentenceEncoders.embeddingService();
        return encoder.embeddingServiceModel().orElse(encoder.name());
    }

    /** The calibration on {@code split}'s validation part; empty when the data has no department head. */
    public Optional<ReuseCalibration> calibrate(DataSplit split, TrainingProgress progress) {
        List<LabelledText> train = split.train().stream().filter(e -> e.labels().get(HEAD) != null).toList();
        List<LabelledText> validation = split.validation().stream().filter(e -> e.labels().get(HEAD) != null)
                .toList();
        if (train.isEmpty()) {
            return Optional.empty();
        }
        SentenceEncoder encoder = SentenceEncoders.embeddingService();
        int total = train.size() + validation.size();
        List<float[]> trainVectors = encode(encoder, train, progress, 0, total);
        List<float[]> validationVectors = encode(encoder, validation, progress, train.size(), total);
        List<ReuseCalibration.Pair> pairs = IntStream.range(0, validation.size()).parallel().mapToObj(i -> {
            float[] query = validationVectors.get(i);
            int best = 0;
            double bestSimilarity = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < trainVectors.size(); j++) {
                double similarity = dot(query, trainVectors.get(j));
                if (similarity > bestSimilarity) {
                    bestSimilarity = similarity;
                    best = j;
                }
            }
            return new ReuseCalibration.Pair(bestSimilarity,
                    Objects.equals(validation.get(i).labels().get(HEAD), train.get(best).labels().get(HEAD)));
        }).toList();
        return Optional.of(ReuseCalibration.of(pairs, settings.calibrationTarget()));
    }

    private static List<float[]> encode(SentenceEncoder encoder, List<LabelledText> examples,
            TrainingProgress progress, int before, int total) {
        List<float[]> vectors = new ArrayList<>(examples.size());
        for (int from = 0; from < examples.size(); from += BATCH) {
            vectors.addAll(encoder.encode(examples.subList(from, Math.min(examples.size(), from + BATCH)).stream()
                    .map(LabelledText::text).toList()));
            progress.report("calibrating cache", before + vectors.size(), total);
        }
        return vectors;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
