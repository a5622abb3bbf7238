package io.triage.simulators.jira;

import java.net.URI;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How the Jira Cloud / JSM simulator behaves; defaults follow INTEGRATIONS.md §3.
 *
 * @param email                account email of the API token
 * @param apiToken             API token; clients send {@code Basic base64(email:apiToken)}
 * @param projectKey           key prefix of seeded issues ({@code SUP-1}, …)
 * @param jqlZone              zone in which JQL date literals are read (the API user's zone; unconfirmed, UTC here)
 * @param defaultSearchFields  fields returned by {@code /search/jql} when the request names none (unconfirmed; only
 *                             {@code id} by default, so clients that forget {@code fields} notice)
 * @param teamFieldId          the site's Atlassian Team custom field (differs per site)
 * @param slaFieldIds          JSM SLA name → custom field id carrying it on the issue (differs per site)
 * @param webhookTarget        where issue/comment webhooks are POSTed, or null for none (also settable via admin)
 * @param webhookSecret        admin-webhook secret for {@code X-Hub-Signature}; null sends unsigned webhooks
 */
public record JiraSettings(String email, String apiToken, String projectKey, ZoneId jqlZone,
                           List<String> defaultSearchFields, String teamFieldId, Map<String, String> slaFieldIds,
                           @Nullable URI webhookTarget, @Nullable String webhookSecret) {

    /** Well-known local credentials: {@code agent@example.com} / {@code sim-jira-token}, project {@code SUP}. */
    public static JiraSettings defaults() {
        return new JiraSettings("agent@example.com", "sim-jira-token", "SUP", ZoneOffset.UTC, List.of("id"),
                "customfield_10001",
                Map.of("Time to first response", "customfield_10030", "Time to resolution", "customfield_10031"),
                null, "sim-jira-webhook-secret");
    }

    public JiraSettings withWebhook(@Nullable URI target, @Nullable String secret) {
        return new JiraSettings(email, apiToken, projectKey, jqlZone, defaultSearchFields, teamFieldId, slaFieldIds,
                target, secret);
    }

    public JiraSettings withJqlZone(ZoneId zone) {
        return new JiraSettings(email, apiToken, projectKey, zone, defaultSearchFields, teamFieldId, slaFieldIds,
                webhookTarget, webhookSecret);
    }

    public JiraSettings withDefaultSearchFields(List<String> fields) {
        return new JiraSettings(email, apiToken, projectKey, jqlZone, List.copyOf(fields), teamFieldId, slaFieldIds,
                webhookTarget, webhookSecret);
    }
}
