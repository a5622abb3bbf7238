package io.triage.ingestion.writeback;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.ticket.TicketSource;
import org.springframework.stereotype.Component;

/** The write-back clients of the enabled sources that have a base URL; a source without one cannot be written to. */
@Component
class SourceWriters {

    private final Map<TicketSource, SourceWriter> writers = new EnumMap<>(TicketSource.class);

    SourceWriters(IngestionProperties properties, Clock clock) {
        IngestionProperties.Sources sources = properties.sources();
        if (usable(sources.servicenow())) {
            writers.put(TicketSource.SERVICENOW, new ServiceNowWriter(sources.servicenow(), clock));
        }
        if (usable(sources.zendesk())) {
            writers.put(TicketSource.ZENDESK, new ZendeskWriter(sources.zendesk()));
        }
        if (usable(sources.jira())) {
            writers.put(TicketSource.JIRA, new JiraWriter(sources.jira(), properties.writeback().jiraTeamFieldName()));
        }
        writers.forEach((source, writer) -> writer.limitTo(properties.writeback().requestsPerMinuteTo(source)));
    }

    private static boolean usable(IngestionProperties.Source source) {
        return source.enabled() && source.baseUrl() != null;
    }

    Optional<SourceWriter> of(TicketSource source) {
        return Optional.ofNullable(writers.get(source));
    }
}
