package io.triage.platform.problem;

/** A value the caller sent is not acceptable (400); {@code field} names it, as a dotted path for nested values. */
public final class InvalidInputException extends ProblemException {

    public InvalidInputException(String field, String detail) {
        this("Invalid request", field, detail);
    }

    public InvalidInputException(String title, String field, String detail) {
        super(title, detail);
        with("field", field);
    }
}
