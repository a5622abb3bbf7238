package io.triage.gdpr.erasure;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * audit-service's anonymisation: clears the plain ticket and user ids of the given tickets' events (base URL,
 * timeouts and key: {@code spring.http.serviceclient.audit}).
 */
@HttpExchange
public interface AuditStore {

    /** @param ticketIds at least one (audit-service refuses an empty list) */
    record Anonymisation(UUID requestId, List<String> ticketIds) {
    }

    record Receipt(UUID requestId, int tickets, long eventsCleared) {
    }

    /** Idempotent: a repeat clears nothing further. */
    @PostExchange("/audit/anonymise")
    Receipt anonymise(@RequestBody Anonymisation request);
}
