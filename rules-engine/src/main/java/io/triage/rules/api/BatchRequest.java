package io.triage.rules.api;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Tickets to evaluate in one call (at most {@code triage.rules.max-batch-size}). */
record BatchRequest(@NotNull List<TicketRequest> tickets) {
}
