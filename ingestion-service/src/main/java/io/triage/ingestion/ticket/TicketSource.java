package io.triage.ingestion.ticket;

/** The ticketing systems a ticket can come from; {@link #IMPORT} is a file or API import by an operator. */
public enum TicketSource { SERVICENOW, ZENDESK, JIRA, IMPORT }
