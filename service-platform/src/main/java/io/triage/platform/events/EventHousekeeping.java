package io.triage.platform.events;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps {@code event_publication} to what is still being delivered: completed publications are deleted once they
 * are {@code triage.platform.events.completed-retention} old (with Spring Modulith's own
 * {@link CompletedEventPublications}; the short window lets an operator see what was delivered recently), and
 * publications past their redeliveries go to the dead letter, also between two redeliveries of a service.
 * A service can delete them at once instead with {@code spring.modulith.events.completion-mode=delete}.
 */
class EventHousekeeping {

    private final CompletedEventPublications completed;
    private final DeadLetters deadLetters;
    private final Duration retention;

    EventHousekeeping(CompletedEventPublications completed, DeadLetters deadLetters, EventProperties properties) {
        this.completed = completed;
        this.deadLetters = deadLetters;
        this.retention = properties.completedRetention();
    }

    @Scheduled(fixedDelayString = "${triage.platform.events.housekeeping-interval:PT1M}")
    @SchedulerLock(name = "event-publication-housekeeping")
    void tidy() {
        completed.deletePublicationsOlderThan(retention);
        deadLetters.moveExhausted();
    }
}
