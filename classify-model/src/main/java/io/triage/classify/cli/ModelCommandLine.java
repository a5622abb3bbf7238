package io.triage.classify.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.triage.classify.evaluation.ReportRenderer;
import io.triage.classify.model.ArtifactCodec;
import io.triage.classify.training.ModelTrainer;
import io.triage.classify.training.TrainingDataException;
import io.triage.classify.training.TrainingFileReader;
import io.triage.classify.training.TrainingParams;
import io.triage.classify.training.TrainingResult;
import io.triage.classify.training.TrainingSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code train} and {@code evaluate} without starting the service:
 * <pre>
 * java -jar classify-service-exec.jar evaluate --data tickets.csv [--test other.csv] [--column category=department]
 *      [--c 10] [--max-iter 1000] [--target-precision 0.95] [--seed 42] [--sentence-encoder none]
 *      [--novelty-share 0.01]
 *      [--report r.md] [--json r.json]
 * java -jar classify-service-exec.jar train --data tickets.csv --out model.bin [same options]
 * </pre>
 * {@code train} also writes {@code model.bin.sha256}, the checksum the registry and loader verify.
 */
public final class ModelCommandLine {

    private static final Set<String> COMMANDS = Set.of("train", "evaluate");

    private ModelCommandLine() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** {@code none} trains the TF-IDF model only; unset takes the default encoder. */
    private static @Nullable String sentenceEncoder(@Nullable String option, @Nullable String standard) {
        return option == null ? standard : option.equals("none") ? null : option;
    }

    /** Runs the command; returns the process exit code (0 ok, 2 bad input). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            CommandLineOptions options = CommandLineOptions.parse(List.of(args));
            TrainingFileReader reader = new TrainingFileReader(options.columns());
            TrainingSet data = reader.read(Path.of(options.require("data")));
            String test = options.get("test");
            TrainingParams defaults = TrainingParams.defaults();
            TrainingParams params = new TrainingParams(options.number("c", defaults.c()),
                    (int) options.number("max-iter", defaults.maxIter()), defaults.features(),
                    options.number("target-precision", defaults.targetPrecision()),
                    (long) options.number("seed", defaults.seed()), defaults.minClassExamples(),
                    sentenceEncoder(options.get("sentence-encoder"), defaults.sentenceEncoder()),
                    defaults.maxNeighbours(), options.number("novelty-share", defaults.noveltyShare()));
            TrainingResult result = ModelTrainer.train(data, params,
                    test == null ? null : reader.read(Path.of(test)).examples());
            String markdown = ReportRenderer.markdown(result.report());
            out.println(markdown);
            write(options.get("report"), markdown);
            write(options.get("json"), JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(result.report()));
            if (options.command().equals("train")) {
                Path artifact = Path.of(options.require("out"));
                byte[] bytes = ArtifactCodec.encode(result.bundle());
                Files.write(artifact, bytes);
                Files.writeString(artifact.resolveSibling(artifact.getFileName() + ".sha256"),
                        ArtifactCodec.sha256(bytes) + "\n");
                out.println("model written to " + artifact);
            }
            return 0;
        } catch (TrainingDataException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static void write(String path, String content) throws IOException {
        if (path != null) {
            Files.writeString(Path.of(path), content);
        }
    }
}
