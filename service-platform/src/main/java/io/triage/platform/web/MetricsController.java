package io.triage.platform.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.triage.platform.problem.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /metrics}: the Prometheus exposition, the same as {@code /actuator/prometheus}; role OPS. */
@RestController
class MetricsController {

    private final ObjectProvider<PrometheusMeterRegistry> registry;

    MetricsController(ObjectProvider<PrometheusMeterRegistry> registry) {
        this.registry = registry;
    }

    @GetMapping(value = "/metrics", produces = "text/plain; version=0.0.4; charset=utf-8")
    @PreAuthorize("hasRole('OPS')")
    String scrape() {
        PrometheusMeterRegistry prometheus = registry.getIfAvailable();
        if (prometheus == null) {
            throw new NotFoundException("Prometheus export is disabled in this deployment");
        }
        return prometheus.scrape();
    }
}
