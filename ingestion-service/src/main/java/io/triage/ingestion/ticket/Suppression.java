package io.triage.ingestion.ticket;

/**
 * Tickets that must not be stored again: those a GDPR erasure deleted. Kept by the erasure side (a keyed hash of source
 * and external id), asked by the intake before it stores anything.
 */
public interface Suppression {

    /** Whether the ticket {@code externalId} of {@code source} was erased, so a new delivery of it is dropped. */
    boolean suppressed(TicketSource source, String externalId);
}
