package io.triage.ingestion.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.triage.ingestion.ticket.TicketSource;
import org.junit.jupiter.api.Test;

class SlackMessageTests {

    static final Instant OPENED = Instant.parse("2026-12-03T09:05:02.123456Z");

    static SourceIncident incident(IncidentKind kind, String detail) {
        return new SourceIncident(1, TicketSource.SERVICENOW, kind, detail, OPENED, null, null, null);
    }

    @Test
    void openingNamesSourceKindSinceAndDetail() {
        SlackMessage message = SlackMessage.opened(incident(IncidentKind.PULL_FAILURES,
                "3 pulls failed in a row; last error: ServiceUnavailable"));

        assertThat(message.text()).isEqualTo(":rotating_light: *servicenow*: pulls failing since 2026-12-03T09:05:02Z"
                + " (3 pulls failed in a row; last error: ServiceUnavailable)");
        assertThat(message.blocks().toString()).contains("*Source:*\nservicenow", "*Kind:*\npulls failing",
                "<!date^1796288702^{date_short_pretty} {time}|2026-12-03T09:05:02Z>",
                "*Detail:*\n3 pulls failed in a row; last error: ServiceUnavailable");
    }

    @Test
    void recoverySaysHowLongTheIncidentLasted() {
        SlackMessage message = SlackMessage.recovered(incident(IncidentKind.LAG, "newest ticket updated at x"),
                OPENED.plusSeconds(3 * 3600 + 7 * 60));

        assertThat(message.text()).startsWith(":white_check_mark: *servicenow*: tickets caught up after 3 h 07 min");
        assertThat(message.blocks().toString()).contains("*Recovered:*");
    }

    @Test
    void slackControlCharactersInTheDetailAreEscaped() {
        SlackMessage message = SlackMessage.opened(incident(IncidentKind.PULL_FAILURES, "a <b> & c"));

        assertThat(message.text()).contains("a &lt;b&gt; &amp; c").doesNotContain("<b>");
    }
}
