package io.triage.classify.lifecycle.provenance;

import java.time.Instant;
import java.util.List;

/**
 * What an erasure found in the models: the versions trained on the customer's tickets (any stage, retired ones
 * included) and when they must be retired by.
 *
 * @param versions versions trained on the customer, ascending
 * @param retireBy erasure time + {@code triage.classify.models.retirement-window}
 */
public record ErasedTraining(List<Long> versions, Instant retireBy) {
}
