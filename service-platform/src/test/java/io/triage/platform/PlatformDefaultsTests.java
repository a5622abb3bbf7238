package io.triage.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.PropertiesMeterFilter;
import org.springframework.core.env.StandardEnvironment;

/** Every service's request timer is a histogram with the SLO boundaries, so p95 panels and alerts have buckets. */
class PlatformDefaultsTests {

    private static PrometheusMeterRegistry registryWithPlatformDefaults() {
        StandardEnvironment environment = new StandardEnvironment();
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        MetricsProperties properties = Binder.get(environment)
                .bindOrCreate("management.metrics", MetricsProperties.class);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new PropertiesMeterFilter(properties));
        return registry;
    }

    @Test
    void httpServerRequestsPublishHistogramBucketsWithTheSloBoundaries() {
        PrometheusMeterRegistry registry = registryWithPlatformDefaults();

        Timer.builder("http.server.requests").tag("uri", "/classify").register(registry)
                .record(Duration.ofMillis(300));

        String scrape = registry.scrape();
        for (String slo : new String[] {"0.1", "0.2", "0.5", "1.0", "2.0"}) {
            assertThat(scrape).contains("http_server_requests_seconds_bucket{uri=\"/classify\",le=\"" + slo + "\"}");
        }
        assertThat(scrape.lines().filter(line -> line.startsWith("http_server_requests_seconds_bucket")))
                .as("bounded by the expected range, not Micrometer's 276 default buckets").hasSizeBetween(10, 60);
    }
}
