package io.triage.demo;

/** A demo step whose outcome was not what the suite promises; the message says what was expected and seen. */
final class StepFailed extends RuntimeException {

    StepFailed(String message) {
        super(message, null, false, false);
    }

    /** Fails the step with {@code message} unless {@code condition} holds. */
    static void check(boolean condition, String message) {
        if (!condition) {
            throw new StepFailed(message);
        }
    }
}
