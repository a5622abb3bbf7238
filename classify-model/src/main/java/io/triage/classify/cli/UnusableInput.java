package io.triage.classify.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import io.triage.classify.training.TrainingDataException;

/** Runs a command's work; unusable data or files become {@code error: reason} and exit code 2. */
final class UnusableInput {

    private UnusableInput() {
    }

    /** Work that may fail on its input. */
    @FunctionalInterface
    interface Work {
        void run() throws IOException;
    }

    static int reported(PrintWriter err, Work work) {
        try {
            work.run();
            return ModelCommandLine.OK;
        } catch (TrainingDataException | IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getCause());
        }
        return ModelCommandLine.BAD_INPUT;
    }
}
