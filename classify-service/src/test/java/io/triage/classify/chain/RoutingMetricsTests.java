package io.triage.classify.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.triage.classify.tier.RoutingMethod;
import org.junit.jupiter.api.Test;

/** The routing series the model dashboard and its p95 panel query exist and can be aggregated over pods. */
class RoutingMetricsTests {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RoutingMetrics metrics = new RoutingMetrics(registry);

    @Test
    void tierLatencyIsAHistogramWithTheBudgetBoundaries() {
        metrics.tierLatency(RoutingMethod.ML, 30_000);

        String scrape = registry.scrape();
        assertThat(scrape).contains("classify_tier_latency_seconds_bucket{tier=\"ML\",le=\"0.05\"} 1")
                .contains("classify_tier_latency_seconds_bucket{tier=\"ML\",le=\"0.2\"} 1")
                .contains("classify_tier_latency_seconds_bucket{tier=\"ML\",le=\"2.0\"} 1");
    }

    @Test
    void everyRoutingMethodIsCountedFromZeroBeforeItsFirstDecision() {
        String scrape = registry.scrape();

        for (RoutingMethod method : RoutingMethod.values()) {
            assertThat(scrape).contains("routing_decisions_total{method=\"" + method + "\"} 0.0");
        }
    }
}
