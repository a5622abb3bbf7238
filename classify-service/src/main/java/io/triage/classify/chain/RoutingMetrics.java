package io.triage.classify.chain;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.triage.classify.tier.RoutingMethod;
import org.springframework.stereotype.Component;

/**
 * Routing metrics: {@code routing_decisions_total{method}}, {@code classify_tier_latency_seconds{tier}},
 * {@code tier_skipped_total{tier}} and {@code cache_hit_rate} (cache decisions per cache lookup).
 */
@Component
public class RoutingMetrics {

    private final MeterRegistry meters;
    private final AtomicLong cacheLookups = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();

    RoutingMetrics(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("cache_hit_rate", this, RoutingMetrics::cacheHitRate)
                .description("Share of semantic-cache lookups that decided the ticket").register(meters);
        // From zero, so coverage and needs-review share are 0, not "no data", before the first such decision.
        for (RoutingMethod method : RoutingMethod.values()) {
            decisions(method);
        }
    }

    void decided(RoutingMethod method) {
        decisions(method).increment();
    }

    private Counter decisions(RoutingMethod method) {
        return Counter.builder("routing_decisions").description("Decisions per deciding tier")
                .tag("method", method.name()).register(meters);
    }

    void tierLatency(RoutingMethod tier, long micros) {
        Timer.builder("classify_tier_latency").description("Time spent in one tier for one ticket")
                .tag("tier", tier.name())
                // Buckets rather than client-side percentiles, which cannot be aggregated over pods; the SLO
                // boundaries are the tiers' budgets and the 2 s alert.
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2))
                .register(meters)
                .record(micros, TimeUnit.MICROSECONDS);
    }

    void skipped(RoutingMethod tier) {
        Counter.builder("tier_skipped").description("Tiers skipped because they were down, slow or off")
                .tag("tier", tier.name()).register(meters).increment();
    }

    void cacheLookup(boolean hit) {
        cacheLookups.incrementAndGet();
        if (hit) {
            cacheHits.incrementAndGet();
        }
    }

    /** Cache decisions per cache lookup since start; 0 before the first lookup. */
    public double cacheHitRate() {
        long lookups = cacheLookups.get();
        return lookups == 0 ? 0 : cacheHits.get() / (double) lookups;
    }
}
