package io.triage.classify.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A ticket for the ML tier alone.
 *
 * @param subject     subject line (raw; sanitised before the model sees it)
 * @param description body text (raw; sanitised before the model sees it)
 * @param ticketId    the ticket's id; decides canary routing by a stable hash
 * @param channel     the channel it came in on (not used by the model, so not checked)
 * @param customerId  the customer's id (not used by the model)
 */
public record PredictRequest(@Size(max = 1000) @Nullable String subject,
        @NotNull @Size(min = 1, max = 20000) String description, @Size(max = 200) @Nullable String ticketId,
        @Size(max = 50) @Nullable String channel, @Size(max = 200) @Nullable String customerId) {
}
