package io.triage.audit.chain;

import java.util.List;

/**
 * One caller's events, validated, as sent by {@code principal} (the authenticated caller, stored as the user).
 * Several requests are written together in one group commit; each keeps its own order and its own answer.
 */
public record AppendRequest(List<NewAuditEvent> events, String principal) {

    public AppendRequest {
        events = List.copyOf(events);
    }
}
