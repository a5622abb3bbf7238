package io.triage.classify.model;

/** A stored model artifact failed its checksum or could not be decoded; it must not be served. */
public class CorruptArtifactException extends RuntimeException {

    public CorruptArtifactException(String message, Throwable cause) {
        super(message, cause);
    }

    public CorruptArtifactException(String message) {
        super(message);
    }
}
