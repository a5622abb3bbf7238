package io.triage.ingestion.ticket;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A ticket as delivered by a source or an import. Sizes are bounded so that one ticket cannot exhaust memory
 * downstream (the body limit bounds the request as a whole).
 */
public record NewTicket(
        @NotNull TicketSource source,
        @NotBlank @Size(max = 128) String externalId,
        @Nullable @Size(max = 128) String customerId,
        @Nullable @Pattern(regexp = "email|phone|chat|web|social") String channel,
        @NotBlank @Size(max = 1_000) String subject,
        @NotBlank @Size(max = 32_000) String description,
        @NotNull Instant sourceUpdatedAt) {
}
