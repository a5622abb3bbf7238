package io.triage.platform.problem;

/** A failure of this service that the caller should know by name (500); never carries internals. */
public final class InternalFailureException extends ProblemException {

    public InternalFailureException(String title, String detail) {
        super(title, detail);
    }
}
