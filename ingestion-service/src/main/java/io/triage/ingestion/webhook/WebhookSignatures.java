package io.triage.ingestion.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.config.IngestionProperties.Source;
import io.triage.ingestion.config.IngestionProperties.WebhookSecretMode;
import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Checks that a webhook comes from the source, over the raw body bytes and before anything parses them; every
 * comparison is constant-time. Zendesk: {@code X-Zendesk-Webhook-Signature} = base64(HMAC-SHA256(secret,
 * timestamp + body)) with {@code X-Zendesk-Webhook-Signature-Timestamp} within the allowed skew. Jira admin
 * webhooks: {@code X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, body)>}. ServiceNow (no native signing): the
 * configured header carries the shared secret, or the hex HMAC-SHA256 of the body.
 */
@Component
class WebhookSignatures {

    private final IngestionProperties.Sources sources;
    private final Clock clock;

    WebhookSignatures(IngestionProperties properties, Clock clock) {
        this.sources = properties.sources();
        this.clock = clock;
    }

    /** Why the delivery is refused (a low-cardinality metric tag), or empty when it is authentic. */
    Optional<String> rejection(TicketSource source, Source settings, HttpHeaders headers, byte[] body) {
        String secret = settings.webhookSecret();
        if (secret.isBlank()) {
            return Optional.of("no_secret_configured");
        }
        return switch (source) {
            case ZENDESK -> zendesk(secret, headers, body);
            case JIRA -> jira(secret, headers.getFirst("X-Hub-Signature"), body);
            case SERVICENOW -> servicenow(settings, headers.getFirst(settings.webhookSecretHeader()), body);
            case IMPORT -> Optional.of("unknown_source");
        };
    }

    private Optional<String> zendesk(String secret, HttpHeaders headers, byte[] body) {
        String signature = headers.getFirst("X-Zendesk-Webhook-Signature");
        String timestamp = headers.getFirst("X-Zendesk-Webhook-Signature-Timestamp");
        if (signature == null || timestamp == null) {
            return Optional.of("missing_signature");
        }
        Instant signedAt;
        try {
            signedAt = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return Optional.of("stale_timestamp");
        }
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(sources.webhookMaxClockSkew()) > 0) {
            return Optional.of("stale_timestamp");
        }
        String expected = Base64.getEncoder()
                .encodeToString(hmac(secret, timestamp.getBytes(StandardCharsets.UTF_8), body));
        return same(expected, signature) ? Optional.empty() : Optional.of("bad_signature");
    }

    private static Optional<String> jira(String secret, @Nullable String header, byte[] body) {
        if (header == null || !header.startsWith("sha256=")) {
            return Optional.of("missing_signature");
        }
        String expected = HexFormat.of().formatHex(hmac(secret, body));
        String given = header.substring("sha256=".length()).toLowerCase(Locale.ROOT);
        return same(expected, given) ? Optional.empty() : Optional.of("bad_signature");
    }

    private static Optional<String> servicenow(Source settings, @Nullable String header, byte[] body) {
        if (header == null) {
            return Optional.of("missing_signature");
        }
        String expected = settings.webhookSecretMode() == WebhookSecretMode.SHARED_SECRET
                ? settings.webhookSecret()
                : HexFormat.of().formatHex(hmac(settings.webhookSecret(), body));
        String given = settings.webhookSecretMode() == WebhookSecretMode.SHARED_SECRET
                ? header : header.toLowerCase(Locale.ROOT);
        return same(expected, given) ? Optional.empty() : Optional.of("bad_signature");
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.strip().getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
