package io.triage.audit.checkpoint;

import java.io.IOException;
import java.util.Optional;
import java.util.SortedSet;

/**
 * A write-once copy of every checkpoint outside the database, which whoever administers the database cannot
 * change: each checkpoint is written once under its id and never replaced or deleted. {@code /audit/verify}
 * compares the database's checkpoints with it. The default is a local directory; an Azure Blob container with an
 * immutability policy implements the same interface.
 */
public interface CheckpointMirror {

    /**
     * Writes {@code checkpoint} under its id. An entry already there is never replaced: the identical checkpoint is
     * accepted (a retried write), a different one is an error.
     */
    void write(Checkpoint checkpoint) throws IOException;

    Optional<Checkpoint> read(long id) throws IOException;

    /** The ids of every mirrored checkpoint. */
    SortedSet<Long> ids() throws IOException;

    /** Where the copies live, for reports (a directory path or a container URL). */
    String location();
}
