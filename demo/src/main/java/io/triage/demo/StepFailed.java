package io.triage.demo;

import java.util.Objects;

/** A demo step whose outcome was not what the suite promises; the message says what was expected and seen. */
final class StepFailed extends RuntimeException {

    StepFailed(String message) {
        super(message, null, false, false);
    }

    /** Never {@code null}: a failed step always says what was expected and seen. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "a StepFailed is always made with a message");
    }

    /** Fails the step with {@code message} unless {@code condition} holds. */
    static void check(boolean condition, String message) {
        if (!condition) {
            throw new StepFailed(message);
        }
    }
}
