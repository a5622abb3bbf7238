package io.triage.platform.problem;

/** Well-formed input that cannot be used, e.g. training data with a single class (422). */
public final class UnusableInputException extends ProblemException {

    public UnusableInputException(String title, String detail) {
        super(title, detail);
    }
}
