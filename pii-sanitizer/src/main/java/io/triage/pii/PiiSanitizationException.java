package io.triage.pii;

/**
 * Sanitising failed; the caller must treat the text as unsafe rather than pass it on raw.
 */
public class PiiSanitizationException extends RuntimeException {

    public PiiSanitizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
