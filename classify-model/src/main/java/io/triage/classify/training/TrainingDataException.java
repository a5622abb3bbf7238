package io.triage.classify.training;

import org.jspecify.annotations.Nullable;

/** Training data that cannot be used, with the 1-based line of the file where that was found, when known. */
public class TrainingDataException extends RuntimeException {

    private final @Nullable Integer line;

    public TrainingDataException(String message) {
        this(message, null);
    }

    public TrainingDataException(String message, @Nullable Integer line) {
        super(line == null ? message : "line " + line + ": " + message, null, false, false);
        this.line = line;
    }

    public @Nullable Integer line() {
        return line;
    }
}
