package io.triage.ingestion.ticket;

import java.util.Locale;

/** The ticketing systems a ticket can come from; {@link #IMPORT} is a file or API import by an operator. */
public enum TicketSource {
    SERVICENOW, ZENDESK, JIRA, IMPORT;

    /**
     * The lower-case name ({@code servicenow}, {@code zendesk}, {@code jira}, {@code import}): the {@code source} tag
     * of every metric, the path segment of its webhook and sync, and the {@code sourceSystem} sent to classify-service.
     */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
