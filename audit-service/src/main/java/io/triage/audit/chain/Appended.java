package io.triage.audit.chain;

/** An event as stored, and whether this request only repeated an event id that was already recorded. */
public record Appended(AuditEvent event, boolean duplicate) {
}
