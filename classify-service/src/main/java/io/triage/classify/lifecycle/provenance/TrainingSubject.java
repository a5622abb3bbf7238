package io.triage.classify.lifecycle.provenance;

import org.jspecify.annotations.Nullable;

/**
 * Whose ticket one training example was, as provenance keeps it.
 *
 * @param ticketId     ingestion-service's ticket id (the id an erasure names)
 * @param customerHash keyed hash of the ticket's customer ({@code CustomerHashes.keyed}); null without a customer
 */
public record TrainingSubject(String ticketId, @Nullable String customerHash) {
}
