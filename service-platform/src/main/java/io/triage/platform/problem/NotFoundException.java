package io.triage.platform.problem;

/** The thing the caller named does not exist (404). */
public final class NotFoundException extends ProblemException {

    public NotFoundException(String detail) {
        super("Not found", detail);
    }
}
