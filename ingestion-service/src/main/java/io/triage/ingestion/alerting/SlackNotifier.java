package io.triage.ingestion.alerting;

import java.net.http.HttpClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.config.IngestionProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Posts incident messages to the Slack incoming webhook, once each: no retry here, since a message that fails stays due
 * and the next check posts it again. Anything but {@code 200} is a failure, as Slack advises. Without a webhook the
 * message is only logged. Every attempt is counted in {@code ingestion_alert_notifications_total{outcome}}
 * ({@code sent}, {@code failed}, {@code logged}). The webhook URL is a secret and is never logged.
 */
@Component
class SlackNotifier {

    private static final Logger log = LoggerFactory.getLogger(SlackNotifier.class);

    private final @Nullable RestClient slack;
    private final MeterRegistry meters;

    SlackNotifier(IngestionProperties properties, MeterRegistry meters) {
        IngestionProperties.Alerts alerts = properties.alerts();
        this.slack = alerts.slackWebhookUrl().isBlank() ? null : client(alerts);
        this.meters = meters;
    }

    private static RestClient client(IngestionProperties.Alerts alerts) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(alerts.slackConnectTimeout()).build());
        requests.setReadTimeout(alerts.slackReadTimeout());
        return RestClient.builder().baseUrl(alerts.slackWebhookUrl().strip()).requestFactory(requests).build();
    }

    /** Whether the message was delivered (or, without a webhook, logged): false means post it again later. */
    boolean post(SlackMessage message) {
        RestClient client = slack;
        if (client == null) {
            log.warn("Source alert (no Slack webhook configured): {}", message.text());
            count("logged");
            return true;
        }
        int status;
        try {
            status = client.post().contentType(MediaType.APPLICATION_JSON).body(message.body())
                    .exchangeForRequiredValue((request, response) -> response.getStatusCode().value(), true);
        } catch (RestClientException e) {
            log.warn("Slack post failed ({}); it is retried at the next check", e.getClass().getSimpleName());
            count("failed");
            return false;
        }
        if (status != 200) {
            log.warn("Slack answered {}; the message is retried at the next check", status);
            count("failed");
            return false;
        }
        count("sent");
        return true;
    }

    private void count(String outcome) {
        meters.counter("ingestion_alert_notifications_total", "outcome", outcome).increment();
    }
}
