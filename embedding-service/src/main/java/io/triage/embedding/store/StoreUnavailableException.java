package io.triage.embedding.store;

/** The vector store cannot be reached or written; the operation changed nothing the caller must undo. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
