package io.triage.embedding.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import io.triage.embedding.ticket.TicketText;

/**
 * Body of {@code POST /embeddings}.
 *
 * @param tickets sanitised tickets to embed (at most {@code triage.embedding.max-tickets-per-request})
 */
record EmbedRequest(@NotEmpty List<@Valid @NotNull TicketText> tickets) {
}
