package io.triage.ingestion.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;


import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Configuration records holding secrets print everything but the secret (issue 19, item 11). */
class SecretPropertiesToStringTests {

    private static final String SECRET = "s3cr3t-MARKER-4711";

    private static <T> T bind(String prefix, Class<T> type, Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
    }

    @Test
    void sourceCredentialsAndTheSlackWebhookAreHidden() {
        String shown = bind("triage.ingestion", IngestionProperties.class,
                Map.of("triage.ingestion.sources.zendesk.password", SECRET + "-password",
                        "triage.ingestion.sources.zendesk.username", "agent@example.test",
                        "triage.ingestion.sources.servicenow.client-secret", SECRET + "-client",
                        "triage.ingestion.sources.jira.webhook-secret", SECRET + "-webhook",
                        "triage.ingestion.alerts.slack-webhook-url", "https://hooks.slack.com/services/T0/B0/" + SECRET,
                        "triage.ingestion.erasure.customer-hash-key", SECRET + "-hash")).toString();

        assertThat(shown).doesNotContain(SECRET).contains("password=<hidden>").contains("clientSecret=<hidden>")
                .contains("webhookSecret=<hidden>").contains("slackWebhookUrl=<hidden>")
                .contains("username=agent@example.test");
    }
}
