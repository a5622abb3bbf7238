package io.triage.ingestion.mapping;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One version of a source's mapping.
 *
 * @param version     increasing per source
 * @param state       {@code DRAFT} (being edited), {@code PUBLISHED} (in use) or {@code ARCHIVED}
 * @param yaml        the document
 * @param createdBy   who saved it (last, for a draft)
 * @param createdAt   when
 * @param publishedBy who published it (or rolled back to it) last; absent for a draft
 * @param publishedAt when
 * @param reason      why
 */
public record MappingVersion(int version, String state, String yaml, String createdBy, Instant createdAt,
        @Nullable String publishedBy, @Nullable Instant publishedAt, @Nullable String reason) {

    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String ARCHIVED = "ARCHIVED";
}
