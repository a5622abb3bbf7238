package io.triage.classify.feedback;

import io.triage.platform.events.DeadLetters;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends again the Spring Modulith events whose listener failed (feedback forwarding while a receiver was down); a
 * restart does the same ({@code spring.modulith.events.republish-outstanding-events-on-restart}). Publications that
 * have used up {@code triage.platform.events.max-attempts} redeliveries are moved to the dead letter first, so they
 * are not sent again.
 */
@Component
class EventRedelivery {

    private final IncompleteEventPublications incomplete;
    private final EventRedeliveryProperties properties;
    private final DeadLetters deadLetters;

    EventRedelivery(IncompleteEventPublications incomplete, EventRedeliveryProperties properties,
            DeadLetters deadLetters) {
        this.incomplete = incomplete;
        this.properties = properties;
        this.deadLetters = deadLetters;
    }

    @Scheduled(fixedDelayString = "${triage.classify.tiers.audit-redelivery-interval:PT15S}")
    @SchedulerLock(name = "classify-audit-redelivery")
    void redeliver() {
        deadLetters.moveExhausted();
        incomplete.resubmitIncompletePublicationsOlderThan(properties.auditRedeliverAfter());
    }
}
