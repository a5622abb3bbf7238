package io.triage.ingestion.sync;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How far a source has been pulled.
 *
 * @param updatedUpto the newest source updated-at stored by a pull; the next pull starts a little before it
 * @param cursor      Zendesk's {@code after_cursor} to resume the export from; null for the others
 */
public record Watermark(@Nullable Instant updatedUpto, @Nullable String cursor) {

    static final Watermark NONE = new Watermark(null, null);
}
