package io.triage.embedding.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The embedding lag for the 1-hour target: the age of the oldest ticket the sync has seen in the feed but not yet
 * committed to Postgres and the index; zero when the sync is caught up. Exported as {@code embedding_lag_seconds}.
 */
@Component
public class EmbeddingLag {

    private final Clock clock;
    private final AtomicReference<@Nullable Instant> oldestPending = new AtomicReference<>();

    EmbeddingLag(MeterRegistry meters) {
        this.clock = Clock.systemUTC();
        Gauge.builder("embedding.lag", this, lag -> lag.current().toMillis() / 1000.0)
                .baseUnit("seconds")
                .description("Age of the oldest ticket seen in the feed but not yet embedded and indexed")
                .register(meters);
    }

    void pending(Instant oldestCreatedAt) {
        oldestPending.accumulateAndGet(oldestCreatedAt,
                (current, candidate) -> current == null || candidate.isBefore(current) ? candidate : current);
    }

    void caughtUp() {
        oldestPending.set(null);
    }

    public Duration current() {
        Instant oldest = oldestPending.get();
        return oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
    }
}
