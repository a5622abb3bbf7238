package io.triage.ingestion.ticket;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a ticketing system says about a ticket beyond its text; every part is optional.
 *
 * @param number       the number people use (ServiceNow {@code INC0010002}, Jira {@code SUP-123}, Zendesk id)
 * @param priority     the source's own priority value, unmapped ({@code "3"}, {@code "urgent"}, {@code "High"})
 * @param createdAt    when the source created the ticket
 * @param sourceFields source-specific fields kept as a JSON object, for mappings that come later
 */
public record SourceAttributes(@Nullable String number, @Nullable String priority, @Nullable Instant createdAt,
        @Nullable String sourceFields) {

    /** For imports, which carry none of these. */
    public static final SourceAttributes NONE = new SourceAttributes(null, null, null, null);
}
