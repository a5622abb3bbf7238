package io.triage.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The event publication registry and the listeners it feeds ({@code triage.platform.events.*}).
 *
 * @param maxAttempts           redeliveries of a publication whose listener keeps failing; past this it is moved to
 *                              {@code event_publication_dead_letter} and not delivered again. A service redelivers
 *                              every 15-30 s, so 100 is roughly half an hour to an hour of a receiver failing
 * @param completedRetention    completed publications are deleted once they are this old
 * @param housekeepingInterval  how often completed publications are purged and exhausted ones dead-lettered
 * @param listenerConcurrency   asynchronous event listeners ({@code @Async}) running at once in this instance
 * @param listenerQueueCapacity listener invocations waiting for a thread; past it an invocation is refused, and its
 *                              publication stays incomplete until the next redelivery
 */
@ConfigurationProperties("triage.platform.events")
public record EventProperties(
        @DefaultValue("100") int maxAttempts,
        @DefaultValue("1d") Duration completedRetention,
        @DefaultValue("1m") Duration housekeepingInterval,
        @DefaultValue("8") int listenerConcurrency,
        @DefaultValue("10000") int listenerQueueCapacity) {

    public EventProperties {
        if (maxAttempts < 1 || listenerConcurrency < 1 || listenerQueueCapacity < 0) {
            throw new IllegalArgumentException("triage.platform.events: max-attempts and listener-concurrency must be"
                    + " at least 1, listener-queue-capacity at least 0");
        }
    }
}
