package io.triage.simulators.zendesk;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.triage.simulators.Hmac;
import io.triage.simulators.SimJson;
import io.triage.simulators.WebhookSender;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Zendesk event-subscription webhooks: envelope {@code {type, account_id, id, time, zendesk_event_version, subject,
 * detail, event}}, signed with {@code X-Zendesk-Webhook-Signature = base64(HMAC-SHA256(secret, timestamp + body))}
 * and {@code X-Zendesk-Webhook-Signature-Timestamp}. The per-event {@code event} shapes are the simulator's reading
 * of the docs (unconfirmed).
 */
final class ZendeskWebhooks {

    static final String WEBHOOK_ID = "01GSIMULATEDWEBHOOK0000000";

    private final WebhookSender sender = new WebhookSender();
    private final Clock clock;
    private final ZendeskSettings settings;
    /** Null: no webhooks are sent. */
    private volatile @Nullable URI target;
    private volatile String secret;

    ZendeskWebhooks(Clock clock, ZendeskSettings settings) {
        this.clock = clock;
        this.settings = settings;
        this.target = settings.webhookTarget();
        this.secret = settings.webhookSecret();
    }

    void configure(@Nullable URI newTarget, String newSecret) {
        this.target = newTarget;
        this.secret = newSecret;
    }

    WebhookSender sender() {
        return sender;
    }

    /** Sends {@code zen:event-type:<eventType>} for the ticket, when a target is configured. */
    void send(String eventType, JsonNode ticket, ObjectNode event) {
        URI to = target;
        if (to == null) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode envelope = SimJson.object()
                .put("type", "zen:event-type:" + eventType)
                .put("account_id", settings.accountId())
                .put("id", UUID.randomUUID().toString())
                .put("time", now.toString())
                .put("zendesk_event_version", "2022-11-06")
                .put("subject", "zen:ticket:" + ticket.get("id").asLong());
        envelope.set("detail", detail(ticket));
        envelope.set("event", event);
        byte[] body = SimJson.MAPPER.writeValueAsBytes(envelope);
        String timestamp = now.toString();
        String signature = sign(secret, timestamp, body);
        sender.post(to, Map.of("X-Zendesk-Webhook-Signature", signature,
                "X-Zendesk-Webhook-Signature-Timestamp", timestamp,
                "X-Zendesk-Webhook-Id", WEBHOOK_ID,
                "User-Agent", "Zendesk Webhook"), body);
    }

    /** The documented algorithm: base64(HMAC-SHA256(secret, timestamp + raw body)), no separator. */
    static String sign(String secret, String timestamp, byte[] body) {
        return Base64.getEncoder().encodeToString(Hmac.sha256(secret, timestamp.getBytes(StandardCharsets.UTF_8), body));
    }

    /** An enum value (priority, status) as webhooks write it; null (unset) stays null. */
    @Nullable String value(@Nullable String value) {
        return value == null || !settings.webhookValuesUpperCase() ? value : value.toUpperCase(Locale.ROOT);
    }

    /** The ticket snapshot of the envelope; ids appear as strings. */
    private ObjectNode detail(JsonNode ticket) {
        ObjectNode detail = SimJson.object();
        detail.put("id", ticket.get("id").asString());
        detail.put("subject", ticket.path("subject").asString(""));
        detail.put("description", ticket.path("description").asString(""));
        detail.put("status", value(ticket.path("status").asString(null)));
        detail.put("priority", value(ticket.path("priority").asString(null)));
        detail.put("type", value(ticket.path("type").asString(null)));
        for (String id : new String[] {"group_id", "assignee_id", "requester_id", "submitter_id", "organization_id", "brand_id"}) {
            JsonNode value = ticket.path(id);
            detail.put(id, value.isNull() || value.isMissingNode() ? null : value.asString());
        }
        detail.set("tags", ticket.get("tags").deepCopy());
        detail.putObject("via").put("channel", ticket.path("via").path("channel").asString("web"));
        detail.put("created_at", ticket.get("created_at").asString());
        detail.put("updated_at", ticket.get("updated_at").asString());
        return detail;
    }

    /** One event per changed attribute (priority, status, group, tags) and per added comment. */
    void sendChanges(ObjectNode before, ObjectNode after, @Nullable ObjectNode comment) {
        for (String field : List.of("priority", "status")) {
            if (!before.path(field).equals(after.path(field))) {
                send("ticket." + field + "_changed", after, SimJson.object()
                        .put("current", value(after.path(field).asString(null)))
                        .put("previous", value(before.path(field).asString(null))));
            }
        }
        if (!before.path("group_id").equals(after.path("group_id"))) {
            send("ticket.group_assignment_changed", after, SimJson.object()
                    .put("current", after.path("group_id").asString(null)).put("previous", before.path("group_id").asString(null)));
        }
        if (!before.path("tags").equals(after.path("tags"))) {
            ObjectNode event = SimJson.object();
            ArrayNode added = event.putArray("tags_added");
            ArrayNode removed = event.putArray("tags_removed");
            after.get("tags").forEach(t -> { if (!contains(before.get("tags"), t)) { added.add(t); } });
            before.get("tags").forEach(t -> { if (!contains(after.get("tags"), t)) { removed.add(t); } });
            send("ticket.tags_changed", after, event);
        }
        if (comment != null) {
            ObjectNode event = SimJson.object();
            event.putObject("comment").put("id", comment.get("id").asString()).put("body", comment.get("body").asString())
                    .put("is_public", comment.get("public").asBoolean())
                    .putObject("author").put("id", comment.get("author_id").asString());
            send("ticket.comment_added", after, event);
        }
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode item : array) {
            if (item.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
