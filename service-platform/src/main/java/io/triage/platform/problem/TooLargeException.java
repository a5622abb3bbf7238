package io.triage.platform.problem;

/** The request carries more than this service accepts (413). */
public final class TooLargeException extends ProblemException {

    public TooLargeException(String detail) {
        super("Payload too large", detail);
    }
}
