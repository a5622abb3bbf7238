package io.triage.ingestion.writeback;

/** A plan that cannot be put on the wire as it is (a mapping or site problem): failed at once, never retried. */
public class UnwritablePlanException extends RuntimeException {

    public UnwritablePlanException(String message) {
        super(message);
    }
}
