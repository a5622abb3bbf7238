package io.triage.audit.verify;

import io.triage.audit.chain.AuditEvent;

/** The chain hash of an event given its predecessor's hash (by the scheme of the event's position). */
@FunctionalInterface
public interface ChainHash {

    byte[] of(byte[] prevHash, AuditEvent event);
}
