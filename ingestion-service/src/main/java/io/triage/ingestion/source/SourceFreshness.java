package io.triage.ingestion.source;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.ticket.TicketSource;
import org.springframework.stereotype.Component;

/**
 * Per-source freshness gauges: {@code ingestion_source_last_success_seconds} (epoch seconds of the last successful
 * pull) and {@code ingestion_source_lag_seconds} (now − the newest source updated-at seen by a pull or webhook).
 * Both are NaN until this replica has seen the source.
 */
@Component
public class SourceFreshness {

    private final Map<TicketSource, AtomicReference<Instant>> lastSuccess = new EnumMap<>(TicketSource.class);
    private final Map<TicketSource, AtomicReference<Instant>> newestSeen = new EnumMap<>(TicketSource.class);

    SourceFreshness(MeterRegistry meters, Clock clock) {
        for (TicketSource source : new TicketSource[] {TicketSource.SERVICENOW, TicketSource.ZENDESK,
                TicketSource.JIRA}) {
            String tag = source.tag();
            AtomicReference<Instant> success = new AtomicReference<>();
            AtomicReference<Instant> newest = new AtomicReference<>();
            lastSuccess.put(source, success);
            newestSeen.put(source, newest);
            Gauge.builder("ingestion_source_last_success_seconds", success,
                    s -> s.get() == null ? Double.NaN : s.get().getEpochSecond()).tag("source", tag)
                    .register(meters);
            Gauge.builder("ingestion_source_lag_seconds", newest,
                    n -> n.get() == null ? Double.NaN
                            : Math.max(0, clock.instant().getEpochSecond() - n.get().getEpochSecond()))
                    .tag("source", tag).register(meters);
        }
    }

    public void succeeded(TicketSource source, Instant at) {
        AtomicReference<Instant> success = lastSuccess.get(source);
        if (success != null) {
            success.set(at);
        }
    }

    public void seen(TicketSource source, Instant updatedAt) {
        AtomicReference<Instant> newest = newestSeen.get(source);
        if (newest != null) {
            newest.accumulateAndGet(updatedAt, (a, b) -> a == null || b.isAfter(a) ? b : a);
        }
    }
}
