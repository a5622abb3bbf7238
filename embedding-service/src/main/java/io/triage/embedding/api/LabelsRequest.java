package io.triage.embedding.api;

import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PATCH /embeddings/{ticketId}/labels}: the labels now known; absent ones stay as they are.
 *
 * @param department department label
 * @param urgency urgency label
 * @param sentiment sentiment label
 */
record LabelsRequest(@Nullable @Size(min = 1, max = 100) String department,
        @Nullable @Size(min = 1, max = 100) String urgency,
        @Nullable @Size(min = 1, max = 100) String sentiment) {
}
