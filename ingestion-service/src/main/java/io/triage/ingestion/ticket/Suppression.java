package io.triage.ingestion.ticket;

import org.jspecify.annotations.Nullable;

/**
 * Tickets that must not be stored again: those a GDPR erasure deleted. Kept by the erasure side (a keyed hash of source
 * and external id), asked by the intake before it stores anything.
 */
public interface Suppression {

    /**
     * Whether the ticket {@code externalId} of {@code source} was erased, so a new delivery of it is dropped. Called in
     * the intake's transaction: it also makes an erasure of {@code customerId} wait until that transaction ends, and
     * waits for one in progress, so a delivery racing an erasure is either erased by it or dropped after it.
     */
    boolean suppressed(TicketSource source, String externalId, @Nullable String customerId);
}
