package io.triage.audit.archive;

/** Something about the archive an operator must act on, listed by {@code GET /audit/archive}. */
public record ArchiveFinding(Kind kind, String month, String detail) {

    /** What was found. */
    public enum Kind {
        /** A month is due for archiving, but its partition is kept: the archive store is not durable. */
        PARTITION_KEPT_STORE_NOT_DURABLE
    }
}
