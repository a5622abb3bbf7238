package io.triage.platform.problem;

/** The request clashes with the current state, e.g. a job already running (409). */
public final class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        super("Conflict", detail);
    }
}
