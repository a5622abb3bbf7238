package io.triage.classify.model;

/** No model version is in production yet, so the ML tier cannot answer. */
public class NoModelException extends RuntimeException {

    public NoModelException() {
        super("no model version is in production yet", null, false, false);
    }
}
