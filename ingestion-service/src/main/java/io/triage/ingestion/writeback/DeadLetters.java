package io.triage.ingestion.writeback;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.ticket.TicketSource;
import org.springframework.stereotype.Component;

/**
 * {@code ingestion_writeback_dead_letters{source}}: FAILED write-backs in Postgres (every replica reports the same
 * count), read at each scrape; a replay that succeeds lowers it.
 */
@Component
class DeadLetters {

    DeadLetters(WriteBacks rows, MeterRegistry meters) {
        for (TicketSource source : List.of(TicketSource.SERVICENOW, TicketSource.ZENDESK, TicketSource.JIRA)) {
            Gauge.builder("ingestion_writeback_dead_letters", rows, r -> r.failedCount(source))
                    .description("write-backs failed for good (dead letters), to replay").tag("source", source.tag())
                    .strongReference(true).register(meters);
        }
    }
}
