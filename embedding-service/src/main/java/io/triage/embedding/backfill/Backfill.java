package io.triage.embedding.backfill;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A backfill of one ticket file under one model, with its checkpoint.
 *
 * @param id the backfill's id
 * @param fileName the file, relative to the backfill directory
 * @param status where it stands
 * @param linesDone lines of the file whose tickets are committed (the checkpoint)
 * @param ticketsDone tickets committed so far
 * @param error why it failed (a line number and field; never ticket text)
 * @param startedAt when it was first requested
 * @param updatedAt when its checkpoint last moved
 */
public record Backfill(UUID id, String fileName, Status status, long linesDone, long ticketsDone,
        @Nullable String error, Instant startedAt, Instant updatedAt) {

    /** Where a backfill stands. */
    public enum Status { PENDING, RUNNING, COMPLETED, FAILED }
}
