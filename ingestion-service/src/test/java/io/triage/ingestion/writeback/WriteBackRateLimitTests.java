package io.triage.ingestion.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.ticket.TicketSource;
import io.triage.simulators.RecordedRequest;
import io.triage.simulators.SimClock;
import io.triage.simulators.SimJson;
import io.triage.simulators.zendesk.ZendeskSettings;
import io.triage.simulators.zendesk.ZendeskSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Write-back stays under a source's request rate: requests wait their turn instead of drawing 429s. */
class WriteBackRateLimitTests {

    private static IngestionProperties properties(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("triage.ingestion", IngestionProperties.class);
    }

    @Test
    void zendeskIsLimitedByDefaultAndTheOthersOnlyWhenConfigured() {
        IngestionProperties.WriteBack defaults = properties(Map.of()).writeback();
        assertThat(defaults.requestsPerMinuteTo(TicketSource.ZENDESK)).isEqualTo(600);
        assertThat(defaults.requestsPerMinuteTo(TicketSource.JIRA)).isZero();

        IngestionProperties.WriteBack configured = properties(Map.of(
                "triage.ingestion.writeback.requests-per-minute.jira", "300",
                "triage.ingestion.writeback.requests-per-minute.zendesk", "0")).writeback();
        assertThat(configured.requestsPerMinuteTo(TicketSource.JIRA)).isEqualTo(300);
        assertThat(configured.requestsPerMinuteTo(TicketSource.ZENDESK)).as("0 switches the limit off").isZero();
    }

    @Test
    void aNegativeRateIsAStartupError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> properties(Map.of(
                "triage.ingestion.writeback.requests-per-minute.jira", "-1")))
                .hasStackTraceContaining("requests-per-minute");
    }

    @Test
    void requestsAreSpreadOverTheMinuteAtTheConfiguredRate() {
        try (ZendeskSimulator zendesk = new ZendeskSimulator(ZendeskSettings.defaults(), SimClock.system())) {
            zendesk.start(0);
            long id = zendesk.createTicket(SimJson.parse("{\"subject\":\"Card\",\"description\":\"Lost\"}"))
                    .path("id").asLong();
            IngestionProperties settings = properties(Map.of(
                    "triage.ingestion.sources.zendesk.enabled", "true",
                    "triage.ingestion.sources.zendesk.base-url", zendesk.baseUri().toString(),
                    "triage.ingestion.sources.zendesk.username", "agent@example.com",
                    "triage.ingestion.sources.zendesk.password", "sim-zendesk-token"));
            // 30 a minute: one request every 2 s, in 2 s periods counted from the limiter's creation.
            Instant limited = Instant.now();
            SourceWriter writer = new ZendeskWriter(settings.sources().zendesk()).limitTo(30);

            for (int i = 0; i < 3; i++) {
                writer.send(new PlannedRequest("PUT", "/api/v2/tickets/" + id + "/tags.json",
                        Map.of("tags", List.of("t" + i))));
            }

            List<RecordedRequest> tags = zendesk.requests().stream()
                    .filter(r -> r.path().endsWith("/tags.json")).toList();
            assertThat(tags).hasSize(3);
            // One request per period: the third cannot leave before the third period starts, 4 s after the limit was
            // set (less a margin for the two clocks). A slow machine only delays requests, so this holds however
            // loaded it is; the gap between two requests can be shorter than 2 s when the first one was late.
            assertThat(Duration.between(limited, tags.getLast().receivedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(3_900));
            assertThat(zendesk.ticket(id).orElseThrow().path("tags").toString()).contains("t0", "t1", "t2");
        }
    }
}
