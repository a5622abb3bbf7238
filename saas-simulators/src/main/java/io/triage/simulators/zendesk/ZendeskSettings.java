package io.triage.simulators.zendesk;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How the Zendesk simulator behaves; defaults follow INTEGRATIONS.md §2.
 *
 * @param email                   agent email of the API token
 * @param apiToken                API token; clients send {@code Basic base64(email/token:apiToken)}
 * @param accountId               account id in webhook envelopes
 * @param requestsPerMinute       account-wide Support API limit, reported in {@code X-Rate-Limit} (700: Enterprise;
 *                                Team 200, Growth/Professional 400, Enterprise Plus 2500); 0 = none
 * @param exportRequestsPerMinute incremental-export rate limit (10/min; 30 with High Volume, secondary); 0 = none
 * @param exportMaxPerPage        largest {@code per_page} honoured by the export (1000 is unconfirmed)
 * @param exportLag               the most recent span the export leaves out (one minute)
 * @param webhookTarget           where ticket events are POSTed, or null for none (also settable via admin)
 * @param webhookSecret           signing secret of that webhook
 * @param webhookValuesUpperCase  whether enum values in webhook {@code detail}/{@code event} are upper case
 *                                ({@code "URGENT"}, as the docs' example; unconfirmed)
 */
public record ZendeskSettings(String email, String apiToken, long accountId, int requestsPerMinute,
                              int exportRequestsPerMinute,
                              int exportMaxPerPage, Duration exportLag, @Nullable URI webhookTarget, String webhookSecret,
                              boolean webhookValuesUpperCase) {

    /** Well-known local credentials: {@code agent@example.com} / token {@code sim-zendesk-token}. */
    public static ZendeskSettings defaults() {
        return new ZendeskSettings("agent@example.com", "sim-zendesk-token", 12514403L, 700, 10, 1000,
                Duration.ofMinutes(1), null, "sim-zendesk-signing-secret", true);
    }

    public ZendeskSettings withExportRequestsPerMinute(int limit) {
        return new ZendeskSettings(email, apiToken, accountId, requestsPerMinute, limit, exportMaxPerPage, exportLag, webhookTarget,
                webhookSecret, webhookValuesUpperCase);
    }

    public ZendeskSettings withWebhook(@Nullable URI target, String secret) {
        return new ZendeskSettings(email, apiToken, accountId, requestsPerMinute, exportRequestsPerMinute, exportMaxPerPage, exportLag,
                target, secret, webhookValuesUpperCase);
    }

    public ZendeskSettings withWebhookValuesUpperCase(boolean upperCase) {
        return new ZendeskSettings(email, apiToken, accountId, requestsPerMinute, exportRequestsPerMinute, exportMaxPerPage, exportLag,
                webhookTarget, webhookSecret, upperCase);
    }

    public ZendeskSettings withRequestsPerMinute(int limit) {
        return new ZendeskSettings(email, apiToken, accountId, limit, exportRequestsPerMinute, exportMaxPerPage, exportLag,
                webhookTarget, webhookSecret, webhookValuesUpperCase);
    }
}
