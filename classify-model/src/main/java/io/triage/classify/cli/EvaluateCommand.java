package io.triage.classify.cli;

import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code evaluate}: trains on the data and prints the report; writes no model. */
@Command(name = "evaluate", sortOptions = false,
        description = "Train on the data and print the evaluation report; no model is written.")
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    TrainingOptions options = new TrainingOptions();

    @Spec
    @Nullable CommandSpec spec;

    @Override
    public Integer call() {
        return UnusableInput.reported(commandLine().getErr(),
                () -> options.trainAndReport(commandLine().getOut()));
    }

    private CommandLine commandLine() {
        return TrainingOptions.required(spec).commandLine();
    }
}
