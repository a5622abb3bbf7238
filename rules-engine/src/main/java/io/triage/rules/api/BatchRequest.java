package io.triage.rules.api;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Tickets to evaluate in one call (at most {@code triage.rules.max-batch-size}); a {@code null} item is refused. */
record BatchRequest(@NotNull List<@Nullable TicketRequest> tickets) {
}
