package io.triage.platform.problem;

/** The caller's credentials or signature are missing or wrong (401). */
public final class UnauthenticatedException extends ProblemException {

    public UnauthenticatedException(String title, String detail) {
        super(title, detail);
    }
}
