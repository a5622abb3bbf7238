package io.triage.classify.feedback;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends again the Spring Modulith events whose listener failed (feedback forwarding while a receiver was down); a
 * restart does the same ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Component
class EventRedelivery {

    private final IncompleteEventPublications incomplete;
    private final EventRedeliveryProperties properties;

    EventRedelivery(IncompleteEventPublications incomplete, EventRedeliveryProperties properties) {
        this.incomplete = incomplete;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${triage.classify.tiers.audit-redelivery-interval:PT15S}")
    @SchedulerLock(name = "classify-audit-redelivery")
    void redeliver() {
        incomplete.resubmitIncompletePublicationsOlderThan(properties.auditRedeliverAfter());
    }
}
