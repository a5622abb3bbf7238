package io.triage.ingestion.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.ticket.TicketSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpHeaders;

class WebhookSignaturesTests {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final byte[] BODY = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);

    private static IngestionProperties properties(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("triage.ingestion", IngestionProperties.class);
    }

    private static WebhookSignatures signatures(IngestionProperties properties) {
        return new WebhookSignatures(properties, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static HttpHeaders headers(String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(name, value);
        return headers;
    }

    @Test
    void serviceNowHmacModeAcceptsTheHexHmacOfTheBodyAndRefusesAnother() {
        IngestionProperties properties = properties(Map.of(
                "triage.ingestion.sources.servicenow.webhook-secret", "s3cret",
                "triage.ingestion.sources.servicenow.webhook-secret-mode", "hmac-sha256",
                "triage.ingestion.sources.servicenow.webhook-secret-header", "X-SN-Signature"));
        var settings = properties.sources().servicenow();
        String hmac = HexFormat.of().formatHex(WebhookSignatures.hmac("s3cret", BODY));

        assertThat(signatures(properties).rejection(TicketSource.SERVICENOW, settings,
                headers("X-SN-Signature", hmac), BODY)).isEmpty();
        assertThat(signatures(properties).rejection(TicketSource.SERVICENOW, settings,
                headers("X-SN-Signature", "s3cret"), BODY)).contains("bad_signature");
    }

    @Test
    void jiraSignatureHexIsComparedCaseInsensitively() {
        IngestionProperties properties = properties(Map.of("triage.ingestion.sources.jira.webhook-secret", "k"));
        String upper = HexFormat.of().formatHex(WebhookSignatures.hmac("k", BODY)).toUpperCase(Locale.ROOT);

        assertThat(signatures(properties).rejection(TicketSource.JIRA, properties.sources().jira(),
                headers("X-Hub-Signature", "sha256=" + upper), BODY)).isEmpty();
    }

    @Test
    void zendeskTimestampTooFarInTheFutureIsRefused() {
        IngestionProperties properties = properties(Map.of("triage.ingestion.sources.zendesk.webhook-secret", "z"));
        String future = NOW.plus(Duration.ofMinutes(6)).toString();
        HttpHeaders headers = headers("X-Zendesk-Webhook-Signature-Timestamp", future);
        headers.add("X-Zendesk-Webhook-Signature", Base64.getEncoder().encodeToString(
                WebhookSignatures.hmac("z", future.getBytes(StandardCharsets.UTF_8), BODY)));

        assertThat(signatures(properties).rejection(TicketSource.ZENDESK, properties.sources().zendesk(), headers,
                BODY)).contains("stale_timestamp");
    }

    @Test
    void blankSecretRefusesEveryDelivery() {
        IngestionProperties properties = properties(Map.of());

        assertThat(signatures(properties).rejection(TicketSource.JIRA, properties.sources().jira(),
                headers("X-Hub-Signature", "sha256=" + "ab".repeat(32)), BODY)).contains("no_secret_configured");
    }
}
