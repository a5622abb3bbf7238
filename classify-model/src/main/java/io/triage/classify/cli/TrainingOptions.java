package io.triage.classify.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.triage.classify.evaluation.ReportRenderer;
import io.triage.classify.training.ModelTrainer;
import io.triage.classify.training.TrainingFileReader;
import io.triage.classify.training.TrainingParams;
import io.triage.classify.training.TrainingResult;
import io.triage.classify.training.TrainingSet;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The options {@code train} and {@code evaluate} share; an option left out takes {@link TrainingParams#defaults()}.
 */
final class TrainingOptions {

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Labelled training data, CSV with a header or JSON Lines.")
    @Nullable Path data;

    @Option(names = "--test", paramLabel = "FILE",
            description = "Measure on this file; the data is then split 85/15 into train/validation.")
    @Nullable Path test;

    @Option(names = "--column", paramLabel = "SOURCE=HEAD", converter = ColumnMapping.class,
            description = "Read column SOURCE as HEAD, e.g. category=department (repeatable).")
    List<Map.Entry<String, String>> columns = new ArrayList<>();

    @Option(names = "--c", paramLabel = "C", description = "Inverse regularisation strength (default 10).")
    @Nullable Double c;

    @Option(names = "--max-iter", paramLabel = "N", description = "Solver iteration limit (default 1000).")
    @Nullable Integer maxIter;

    @Option(names = "--target-precision", paramLabel = "P",
            description = "Per-class thresholds reach this precision on validation (default 0.95).")
    @Nullable Double targetPrecision;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the stratified split (default 42).")
    @Nullable Long seed;

    @Option(names = "--sentence-encoder", paramLabel = "NAME",
            description = "Encoder of the combined model: bge-small-en-v1.5-q (default) or all-minilm-l6-v2-q "
                    + "(embedding-service's vectors); none trains TF-IDF only.")
    @Nullable String sentenceEncoder;

    @Option(names = "--novelty-share", paramLabel = "SHARE",
            description = "Share of validation texts below the novelty floor, 0 to 0.5 (default 0.01).")
    @Nullable Double noveltyShare;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the Markdown report here.")
    @Nullable Path report;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the full report as JSON here.")
    @Nullable Path json;

    /** Reads the data, trains, prints the Markdown report and writes the report files asked for. */
    TrainingResult trainAndReport(PrintWriter out) throws IOException {
        Map<String, String> aliases = new LinkedHashMap<>();
        columns.forEach(column -> aliases.put(column.getKey(), column.getValue()));
        TrainingFileReader reader = new TrainingFileReader(aliases);
        TrainingSet training = reader.read(required(data));
        TrainingResult result = ModelTrainer.train(training, params(),
                test == null ? null : reader.read(test).examples());
        String markdown = ReportRenderer.markdown(result.report());
        out.println(markdown);
        write(report, markdown);
        write(json, JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(result.report()));
        return result;
    }

    private TrainingParams params() {
        TrainingParams defaults = TrainingParams.defaults();
        return new TrainingParams(c == null ? defaults.c() : c, maxIter == null ? defaults.maxIter() : maxIter,
                defaults.features(), targetPrecision == null ? defaults.targetPrecision() : targetPrecision,
                seed == null ? defaults.seed() : seed, defaults.minClassExamples(),
                sentenceEncoder(defaults.sentenceEncoder()), defaults.maxNeighbours(),
                noveltyShare == null ? defaults.noveltyShare() : noveltyShare);
    }

    /** {@code none} trains the TF-IDF model only; unset takes the default encoder. */
    private @Nullable String sentenceEncoder(@Nullable String standard) {
        return sentenceEncoder == null ? standard : sentenceEncoder.equals("none") ? null : sentenceEncoder;
    }

    /** What picocli has set before calling the command: a required option, the command spec. */
    static <T> T required(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("not set by picocli");
        }
        return value;
    }

    private static void write(@Nullable Path path, String content) throws IOException {
        if (path != null) {
            Files.writeString(path, content);
        }
    }

    /** {@code --column source=head}, checked as the HTTP API checks it. */
    static final class ColumnMapping implements ITypeConverter<Map.Entry<String, String>> {

        @Override
        public Map.Entry<String, String> convert(String value) {
            try {
                return TrainingFileReader.columnMapping(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
