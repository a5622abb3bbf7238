package io.triage.audit.verify;

/** What a verification found wrong at a position of the chain. */
public enum FindingKind {
    /** The stored event no longer hashes to its recorded hash: a field was edited. */
    ALTERED,
    /** One or more positions are missing (deleted rows, or a truncated tail). */
    REMOVED,
    /** A row that was never appended: a second row claims a position, or rows lie beyond the chain head. */
    INSERTED,
    /** Genuine events stand at the wrong positions (swapped or moved rows). */
    REORDERED,
    /** A signed checkpoint does not match the stored events (or its signature is invalid). */
    CHECKPOINT_MISMATCH,
    /** Positions a signed checkpoint covers are gone from the database and no verified archive manifest holds them. */
    CHECKPOINT_ROWS_MISSING,
    /**
     * The database's checkpoints and their write-once mirror disagree: a checkpoint differs from its copy, is not
     * in the mirror, or is in the mirror but not in the database.
     */
    MIRROR_MISMATCH,
    /** An archive record whose manifest is unsigned, signed with another key, or no longer matches its signature. */
    ARCHIVE_UNVERIFIED
}
