package io.triage.embedding.ticket;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.triage.embedding.store.TicketMetadata;
import org.jspecify.annotations.Nullable;

/**
 * A sanitised ticket to embed, as sent to {@code POST /embeddings}, read from a backfill file or from
 * ingestion-service's feed. The text is already free of PII; it is never logged.
 *
 * @param ticketId the ticket's id (unique across sources)
 * @param customerId the customer it belongs to; absent when the source names none (nothing to erase by then)
 * @param text sanitised subject and description
 * @param createdAt when the ticket was created at its source
 * @param department department label, when known
 * @param urgency urgency label, when known
 * @param sentiment sentiment label, when known
 */
public record TicketText(
        @NotBlank @Size(max = 200) String ticketId,
        @Nullable @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String customerId,
        @NotBlank @Size(max = 20_000) String text,
        @NotNull Instant createdAt,
        @Nullable @Size(max = 100) String department,
        @Nullable @Size(max = 100) String urgency,
        @Nullable @Size(max = 100) String sentiment) {

    public TicketMetadata metadata() {
        return new TicketMetadata(customerId, department, urgency, sentiment, createdAt);
    }
}
