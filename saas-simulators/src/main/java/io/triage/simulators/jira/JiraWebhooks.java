package io.triage.simulators.jira;

import java.net.URI;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.triage.simulators.Hmac;
import io.triage.simulators.SimJson;
import io.triage.simulators.WebhookSender;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jira admin webhooks: with a secret, {@code X-Hub-Signature: sha256=<lower-hex HMAC-SHA256(secret, raw body)>}
 * (secondary); without one, unsigned. Each delivery carries {@code X-Atlassian-Webhook-Identifier} and
 * {@code X-Atlassian-Webhook-Retry: 0} (the simulator sends once and never retries).
 */
final class JiraWebhooks {

    private final WebhookSender sender = new WebhookSender();
    /** Null: no webhooks are sent. */
    private volatile @Nullable URI target;
    /** Null or empty: webhooks go unsigned. */
    private volatile @Nullable String secret;

    JiraWebhooks(@Nullable URI target, @Nullable String secret) {
        this.target = target;
        this.secret = secret;
    }

    void configure(@Nullable URI newTarget, @Nullable String newSecret) {
        this.target = newTarget;
        this.secret = newSecret;
    }

    WebhookSender sender() {
        return sender;
    }

    void send(ObjectNode body) {
        URI to = target;
        if (to == null) {
            return;
        }
        byte[] bytes = SimJson.MAPPER.writeValueAsBytes(body);
        Map<String, String> headers = new LinkedHashMap<>();
        String key = secret;
        if (key != null && !key.isEmpty()) {
            headers.put("X-Hub-Signature", signature(key, bytes));
        }
        headers.put("X-Atlassian-Webhook-Identifier", UUID.randomUUID().toString());
        headers.put("X-Atlassian-Webhook-Retry", "0");
        sender.post(to, headers, bytes);
    }

    /** WebSub style: {@code sha256=} and the lower-case hex HMAC-SHA256 of the raw body. */
    static String signature(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(Hmac.sha256(secret, body));
    }
}
