package io.triage.gdpr.erasure;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code gdpr_requests_open} (not yet completed), {@code gdpr_requests_due_soon} (open past {@code triage.gdpr.due-soon-after}, 25 days) and
 * {@code gdpr_requests_overdue} (open past their due date): counted in Postgres at each scrape, so every replica
 * reports the same numbers.
 */
@Component
class Deadlines {

    Deadlines(DeletionRequests requests, MeterRegistry meters) {
        Gauge.builder("gdpr_requests_open", requests, DeletionRequests::open)
                .description("erasure requests not yet completed by every store")
                .strongReference(true).register(meters);
        Gauge.builder("gdpr_requests_due_soon", requests, DeletionRequests::dueSoon)
                .description("erasure requests still open after the due-soon age, not yet overdue")
                .strongReference(true).register(meters);
        Gauge.builder("gdpr_requests_overdue", requests, DeletionRequests::overdue)
                .description("erasure requests still open past their due date")
                .strongReference(true).register(meters);
    }
}
