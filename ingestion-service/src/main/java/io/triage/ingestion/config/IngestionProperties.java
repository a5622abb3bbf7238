package io.triage.ingestion.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.triage.ingestion.ticket.TicketSource;

import io.triage.platform.SecretMasking;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * ingestion-service settings ({@code triage.ingestion.*}).
 *
 * @param defaultPageSize tickets returned by {@code GET /tickets}, {@code /tickets/clean} and
 *                        {@code /tickets/validated} when the caller names no {@code limit}
 * @param maxPageSize the largest {@code limit} a caller may ask for; more is refused with 400
 * @param labels validated labels ({@code PUT /tickets/{id}/labels})
 * @param sources the ticketing systems tickets come from (webhooks and pull); every one is off by default
 * @param flow where a new or changed ticket goes next: classify-service and embedding-service
 * @param alerts Slack messages when a source keeps failing or falls behind
 * @param mappings field mappings: how decisions are written back to each source ({@code /mappings/{source}})
 * @param writeback writing each decision back to its ticket in the source (fields, tags, an internal note)
 * @param erasure GDPR erasures ({@code POST /internal/erasures}): what is kept of each applied request
 */
@ConfigurationProperties("triage.ingestion")
public record IngestionProperties(
        @DefaultValue("100") int defaultPageSize,
        @DefaultValue("1000") int maxPageSize,
        @DefaultValue Labels labels,
        @DefaultValue Sources sources,
        @DefaultValue Flow flow,
        @DefaultValue Alerts alerts,
        @DefaultValue Mappings mappings,
        @DefaultValue WriteBack writeback,
        @DefaultValue Erasure erasure) {

    /** Local default key of the customer-id hash of applied erasures; refused where default keys are. */
    public static final String LOCAL_ERASURE_HASH_KEY = "local-ingestion-erasure-hash-key-NOT-FOR-PRODUCTION";

    /**
     * GDPR erasures. Each applied request keeps its receipt, so a redelivered request is answered, not applied again;
     * the receipt holds no plain customer id.
     *
     * @param customerHashKey HMAC-SHA256 key of the customer-id hash kept with a receipt (a secret,
     *                        {@code TRIAGE_INGESTION_ERASURE_CUSTOMER_HASH_KEY}); the local default is refused at start
     *                        when {@code triage.platform.security.allow-default-keys=false}
     * @param ticketIdsRetention how long at most a receipt keeps the ids of the tickets it erased (gdpr-service needs
     *                           them, from the first answer or a replay, to reach classify-service and audit-service,
     *                           and releases them once it has recorded them); later a replay answers
     *                           {@code ticketIds: null}. Longer than gdpr-service's redelivery takes
     * @param cleanupInterval how often receipts past the retention lose their ticket ids (once per cluster)
     */
    public record Erasure(
            @DefaultValue(LOCAL_ERASURE_HASH_KEY) String customerHashKey,
            @DefaultValue("30d") Duration ticketIdsRetention,
            @DefaultValue("1h") Duration cleanupInterval) {

        @Override
        public String toString() {
            return "Erasure[ticketIdsRetention=" + ticketIdsRetention + ", cleanupInterval=" + cleanupInterval + "]";
        }
    }

    /**
     * Field mappings.
     *
     * @param refreshInterval how old this replica's copy of a source's published mapping may get before the published
     *                        version number is read again (one indexed row); a publish or rollback on another replica
     *                        is used here within this time, on this replica at once
     */
    public record Mappings(@DefaultValue("5s") Duration refreshInterval) {
    }

    /**
     * What happens to a new or changed ticket after it is stored. Each step is an event in Spring Modulith's
     * publication registry, written in the ticket's own transaction and delivered at least once: a step that fails
     * (the service is down, 5xx) is tried again, also after a restart.
     *
     * @param classify send it to classify-service ({@code POST /classify}, with its source and an
     *                 {@code Idempotency-Key} per ticket version) and keep the decision with the ticket
     * @param index send its sanitised text to embedding-service ({@code POST /embeddings}), so it is searchable within
     *              seconds; embedding-service's nightly sync stays as reconciliation
     * @param sources the sources whose tickets flow; {@code IMPORT} is {@code POST /tickets}
     * @param concurrency calls in flight to each of the two services at most; further tickets wait their turn
     * @param maxTextChars the text sent to classify-service is cut to this many characters (classify-service refuses
     *                     more than 20,000 by default); the stored and indexed text is never cut
     * @param redeliverAfter a step not done this long after the ticket was stored is tried again (it failed, or its
     *                       replica died); longer than a backlog takes to drain, or waiting tickets are sent twice
     *                       (harmless, as the calls are idempotent, but wasted)
     * @param redeliveryInterval how often failed steps are looked for
     */
    public record Flow(
            @DefaultValue("true") boolean classify,
            @DefaultValue("true") boolean index,
            @DefaultValue({"SERVICENOW", "ZENDESK", "JIRA", "IMPORT"}) Set<TicketSource> sources,
            @DefaultValue("8") int concurrency,
            @DefaultValue("20000") int maxTextChars,
            @DefaultValue("5m") Duration redeliverAfter,
            @DefaultValue("30s") Duration redeliveryInterval) {
    }

    /**
     * Validated labels.
     *
     * @param urgencies the urgency values a validation may carry (the classes the suite's models and rules use);
     *                  an empty list accepts any value, for a customer with a taxonomy of its own
     * @param sentiments the sentiment values a validation may carry; an empty list accepts any value
     * @param maxClockSkew how far in the future a {@code validatedAt} may lie; later ones are refused, since a
     *                     far-future validation would win over every real one that follows
     */
    public record Labels(
            @DefaultValue({"Low", "Medium", "High", "Critical"}) List<String> urgencies,
            @DefaultValue({"Negative", "Neutral", "Positive"}) List<String> sentiments,
            @DefaultValue("5m") Duration maxClockSkew) {
    }

    /**
     * The ticketing systems. Secrets (passwords, tokens, webhook secrets) come from the environment only, e.g.
     * {@code TRIAGE_INGESTION_SOURCES_ZENDESK_WEBHOOK_SECRET}.
     *
     * @param servicenow ServiceNow (Table API {@code incident}; OAuth password grant)
     * @param zendesk Zendesk Support (incremental cursor export; API token)
     * @param jira Jira Cloud / JSM ({@code /rest/api/3/search/jql}; API token)
     * @param webhookMaxClockSkew how far a signed webhook's timestamp (Zendesk) may lie from now, either way; older
     *                            or later deliveries are refused with 401 as replays
     */
    public record Sources(
            @DefaultValue Source servicenow,
            @DefaultValue Source zendesk,
            @DefaultValue Source jira,
            @DefaultValue("5m") Duration webhookMaxClockSkew) {
    }

    /**
     * One ticketing system.
     *
     * @param enabled whether its webhook is accepted and it is pulled; off by default (its webhook answers 404)
     * @param baseUrl where its API lives, e.g. {@code https://acme.service-now.com}, {@code https://acme.zendesk.com},
     *                {@code https://acme.atlassian.net}
     * @param username ServiceNow integration user (OAuth password grant); Zendesk agent e-mail (used as
     *                 {@code email/token}); Jira account e-mail
     * @param password ServiceNow user's password; Zendesk API token; Jira API token (environment only)
     * @param clientId ServiceNow OAuth client id ({@code oauth_entity}); unused by the others
     * @param clientSecret ServiceNow OAuth client secret (environment only); unused by the others
     * @param webhookSecret the shared secret of its webhook: Zendesk signing secret, Jira admin-webhook secret,
     *                      ServiceNow shared secret; blank refuses every delivery (401)
     * @param webhookSecretHeader ServiceNow only (it has no native signing): the header its REST Message sends
     * @param webhookSecretMode ServiceNow only: {@code shared-secret} (the header carries the secret itself) or
     *                          {@code hmac-sha256} (the header carries the lower-case hex HMAC-SHA256 of the raw body)
     * @param query the part of the pull query that scopes it: Jira JQL restriction (required there, JQL must be
     *              bounded, e.g. {@code project = SUP}); ServiceNow encoded query added with {@code ^}; unused by
     *              Zendesk
     * @param pageSize rows asked for per page when pulling
     * @param maxPages pages one pull reads at most; the watermark is committed per page, so the next pull resumes
     * @param overlap how far before the watermark a pull starts again (ServiceNow and Jira date literals' zone and
     *                resolution are unconfirmed); the re-read tickets are de-duplicated by the intake
     * @param queryZone the zone ServiceNow and Jira date literals in pull queries are written in; whether they are
     *                  read as UTC or the API user's zone is unconfirmed, so use a UTC integration user or set it
     * @param initialLookback where the first pull starts, back from now, when there is no watermark yet
     * @param connectTimeout connect timeout of calls to it
     * @param readTimeout read timeout of calls to it
     * @param maxAttempts attempts per call including the first; 5xx, 429 and I/O failures are retried
     * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one fails the pull (retried next hour)
     * @param channels its channel values (ServiceNow {@code contact_type}, Zendesk {@code via.channel}) mapped to the
     *                 platform's ({@code email}, {@code phone}, {@code chat}, {@code web}, {@code social}); adds to and
     *                 overrides the built-in map (none by default)
     * @param defaultChannel the platform channel for a value the map does not know; empty means none (null). Such
     *                       values are counted in {@code ingestion_unmapped_channels_total}, never refused; the
     *                       source's own value is kept with the ticket's source fields either way
     * @param requestTypeField Jira only: the JSM "Customer Request Type" custom field, whose request type name is
     *                         mapped through {@code channels}; empty reads none
     * @param teamField Jira only: the Team custom field, kept with the ticket so an agent's change to it is seen
     */
    public record Source(
            @DefaultValue("false") boolean enabled,
            @Nullable URI baseUrl,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("") String clientId,
            @DefaultValue("") String clientSecret,
            @DefaultValue("") String webhookSecret,
            @DefaultValue("X-Triage-Webhook-Secret") String webhookSecretHeader,
            @DefaultValue("shared-secret") WebhookSecretMode webhookSecretMode,
            @DefaultValue("") String query,
            @DefaultValue("100") int pageSize,
            @DefaultValue("50") int maxPages,
            @DefaultValue("2m") Duration overlap,
            @DefaultValue("UTC") ZoneId queryZone,
            @DefaultValue("1d") Duration initialLookback,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("30s") Duration readTimeout,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("60s") Duration maxRetryAfter,
            @Nullable Map<String, String> channels,
            @DefaultValue("") String defaultChannel,
            @DefaultValue("customfield_10010") String requestTypeField,
            @DefaultValue("customfield_10001") String teamField) {

        @Override
        public String toString() {
            return SecretMasking.toString(this, "password", "clientSecret", "webhookSecret");
        }
    }

    /**
     * Source incidents and their Slack messages: one message when an incident opens, one when it closes.
     *
     * @param consecutiveFailures failed pulls in a row (skipped ones not counted) that open a source's
     *                            pull-failure incident; its next successful pull closes it
     * @param maxLag how old the newest ticket of an enabled source (now − its newest source updated-at) may be before
     *               a lag incident opens; it closes once a newer ticket arrives. A source with no ticket yet has none
     * @param checkInterval how often the lag is checked and messages that could not be posted are retried (once per
     *                      cluster)
     * @param slackWebhookUrl the Slack incoming webhook ({@code https://hooks.slack.com/services/T…/B…/…}); a secret,
     *                        so from the environment only ({@code TRIAGE_INGESTION_ALERTS_SLACK_WEBHOOK_URL}). Blank:
     *                        incidents are still recorded, logged and counted, but nothing is posted
     * @param slackConnectTimeout connect timeout of a post to Slack
     * @param slackReadTimeout read timeout of a post to Slack
     */
    public record Alerts(
            @DefaultValue("3") int consecutiveFailures,
            @DefaultValue("2h") Duration maxLag,
            @DefaultValue("1m") Duration checkInterval,
            @DefaultValue("") String slackWebhookUrl,
            @DefaultValue("5s") Duration slackConnectTimeout,
            @DefaultValue("10s") Duration slackReadTimeout) {

        @Override
        public String toString() {
            return SecretMasking.toString(this, "slackWebhookUrl");
        }

        public Alerts {
            // 0 would open an incident for every source before any pull; stop the start instead.
            if (consecutiveFailures < 1) {
                throw new IllegalArgumentException("triage.ingestion.alerts.consecutive-failures must be at least 1");
            }
            if (!maxLag.isPositive() || !checkInterval.isPositive()) {
                throw new IllegalArgumentException(
                        "triage.ingestion.alerts.max-lag and check-interval must be positive");
            }
        }
    }

    /**
     * Write-back: each stored decision is written to its ticket under the source's published mapping (nothing is
     * written until a mapping is published). Delivered at least once (Spring Modulith's publication registry); a note
     * carries the decision's marker, so a retry, redelivery or replay never adds a second one.
     *
     * @param enabled write decisions back at all; off, stored decisions are only kept
     * @param maxAttempts attempts per delivery (and per replay) including the first; I/O failures, 5xx and 429 are
     *                    retried, any other 4xx fails at once. After the last the write-back is FAILED (the dead
     *                    letter), to be replayed with {@code POST /writebacks/{id}/replay}
     * @param initialBackoff the backoff before the second attempt; it doubles per attempt, with full jitter (a random
     *                       wait between zero and the backoff)
     * @param maxBackoff the longest backoff between two attempts
     * @param maxRetryAfter the longest {@code Retry-After} of a 429 (or 503) that is waited out; a longer one fails the
     *                      write-back at once (replay it later)
     * @param concurrency write-backs in flight at most (all sources together); further ones wait their turn
     * @param jiraTeamFieldName the name of the Jira custom field a plan's {@code team} goes to, looked up once in
     *                          {@code GET /rest/api/3/field} (its id differs per site)
     * @param requestsPerMinute per source, the write-back requests a minute it is sent at most (marker lookups
     *                          included); 0 is no limit. Default: Zendesk 600 (its account limit is 700 on most plans,
     *                          shared with pulls and agents), the others none. A request waits for its turn instead of
     *                          being answered 429 and spending an attempt
     */
    public record WriteBack(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("60s") Duration maxRetryAfter,
            @DefaultValue("4") int concurrency,
            @DefaultValue("Team") String jiraTeamFieldName,
            @Nullable Map<TicketSource, Integer> requestsPerMinute) {

        /** Zendesk's account limit is 700 requests a minute on most plans; the rest is left to pulls and agents. */
        private static final Map<TicketSource, Integer> DEFAULT_REQUESTS_PER_MINUTE = Map.of(TicketSource.ZENDESK, 600);

        public WriteBack {
            if (maxAttempts < 1 || concurrency < 1) {
                throw new IllegalArgumentException(
                        "triage.ingestion.writeback.max-attempts and concurrency must be at least 1");
            }
            if (requestsPerMinute != null && requestsPerMinute.values().stream().anyMatch(n -> n == null || n < 0)) {
                throw new IllegalArgumentException(
                        "triage.ingestion.writeback.requests-per-minute values must be 0 (no limit) or more");
            }
        }

        /** The write-back requests a minute {@code source} is sent at most; 0 is no limit. */
        public int requestsPerMinuteTo(TicketSource source) {
            Integer configured = requestsPerMinute == null ? null : requestsPerMinute.get(source);
            return configured != null ? configured : DEFAULT_REQUESTS_PER_MINUTE.getOrDefault(source, 0);
        }
    }

    /** How a ServiceNow webhook proves it comes from the instance. */
    public enum WebhookSecretMode {
        /** The configured header carries the shared secret itself (a REST Message header). */
        SHARED_SECRET,
        /** The configured header carries the lower-case hex HMAC-SHA256 of the raw body under the secret. */
        HMAC_SHA256
    }
}
