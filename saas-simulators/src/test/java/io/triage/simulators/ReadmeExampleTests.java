package io.triage.simulators;

import java.time.Duration;
import java.time.Instant;

import io.triage.simulators.fault.Fault;
import io.triage.simulators.zendesk.ZendeskSettings;
import io.triage.simulators.zendesk.ZendeskSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The embedding example of the module README, kept compiling and true. */
class ReadmeExampleTests {

    @Test
    void readmeExampleWorksAsWritten() {
        try (ZendeskSimulator zendesk = new ZendeskSimulator(ZendeskSettings.defaults(), SimClock.at(Instant.parse("2024-05-01T10:00:00Z")));
             WebhookSink sink = new WebhookSink()) {
            zendesk.start(0);
            sink.start(0);
            zendesk.webhookTarget(sink.baseUri().resolve("/hook"), "secret");
            zendesk.createTicket(SimJson.parse("{\"subject\":\"Printer on fire\",\"priority\":\"high\"}"));
            zendesk.faults().nextRequests(2, new Fault.RateLimited(Duration.ofSeconds(30)));

            assertThat(zendesk.comments(35436)).hasSize(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.requests().size() == 1);
        }
    }
}
