package io.triage.ingestion.sync;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One pull of one source, as {@code GET /sources/syncs/{id}} shows it.
 *
 * @param status      {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED}, or {@code SKIPPED} (another pull of the
 *                    source was running)
 * @param pages       pages stored so far (each committed with its watermark)
 * @param ticketsSeen tickets read from the source, including ones the intake found unchanged
 * @param error       why it failed (the kind of failure, never ticket content)
 */
public record SyncRun(UUID id, String source, String trigger, String status, int pages, int ticketsSeen,
        @Nullable String error, Instant startedAt, @Nullable Instant finishedAt) {
}
