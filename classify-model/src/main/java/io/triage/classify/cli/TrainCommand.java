package io.triage.classify.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.triage.classify.model.ArtifactCodec;
import io.triage.classify.training.TrainingResult;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: what {@code evaluate} does, then writes the kept model and its SHA-256 beside it. */
@Command(name = "train", sortOptions = false,
        description = "Train on the data, print the evaluation report and write the model.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    TrainingOptions options = new TrainingOptions();

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Where the model goes; FILE.sha256 gets its checksum.")
    @Nullable Path out;

    @Spec
    @Nullable CommandSpec spec;

    @Override
    public Integer call() {
        return UnusableInput.reported(commandLine().getErr(), () -> {
            TrainingResult result = options.trainAndReport(commandLine().getOut());
            Path artifact = TrainingOptions.required(out);
            byte[] bytes = ArtifactCodec.encode(result.bundle());
            Files.write(artifact, bytes);
            Files.writeString(artifact.resolveSibling(artifact.getFileName() + ".sha256"),
                    ArtifactCodec.sha256(bytes) + "\n");
            commandLine().getOut().println("model written to " + artifact);
        });
    }

    private CommandLine commandLine() {
        return TrainingOptions.required(spec).commandLine();
    }
}
