package io.triage.embedding.model;

import org.jspecify.annotations.Nullable;

/** The embedding model could not answer (remote endpoint down, retries exhausted); the caller may retry later. */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
