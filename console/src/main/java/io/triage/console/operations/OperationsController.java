package io.triage.console.operations;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.triage.console.config.ConsoleProperties;
import io.triage.console.upstream.Upstream;
import io.triage.platform.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Operations page's calls, with the operator's key: per source its lag, pull and write-back failures (read from
 * ingestion-service's {@code GET /metrics}), its dead-lettered write-backs ({@code GET /writebacks?state=failed},
 * without the plan) and their replay ({@code POST /writebacks/{id}/replay}, passed through).
 */
@RestController
@RequestMapping("/api/operations")
@PreAuthorize("hasRole('OPS')")
class OperationsController {

    private static final MediaType PROMETHEUS_TEXT = MediaType.parseMediaType("text/plain;version=0.0.4");

    private final Upstream upstream;
    private final DeadLetters deadLetters;
    private final URI ingestion;

    OperationsController(Upstream upstream, DeadLetters deadLetters, ConsoleProperties properties) {
        this.upstream = upstream;
        this.deadLetters = deadLetters;
        this.ingestion = properties.ingestionService();
    }

    @GetMapping("/sources")
    ResponseEntity<?> sources(Authentication caller) {
        ResponseEntity<String> metrics = upstream.call(HttpMethod.GET, ingestion, "/metrics", null, caller,
                PROMETHEUS_TEXT);
        if (!metrics.getStatusCode().is2xxSuccessful() || metrics.getBody() == null) {
            return metrics;
        }
        List<SourceHealth> sources = MetricsExposition.parse(metrics.getBody()).sources();
        return ResponseEntity.ok(Map.of("sources", sources));
    }

    @GetMapping("/dead-letters")
    ResponseEntity<String> deadLetters(@RequestParam(required = false) @Nullable String source,
            Authentication caller) {
        String query = "/writebacks?state=failed&limit=" + DeadLetters.LIMIT;
        if (source != null && !source.isBlank()) {
            if (!MetricsExposition.SOURCES.contains(source)) {
                throw new InvalidInputException("source", "source must be servicenow, zendesk or jira");
            }
            query += "&source=" + source;
        }
        return deadLetters.withoutPlans(upstream.call(HttpMethod.GET, ingestion, query, null, caller));
    }

    @PostMapping("/dead-letters/{id}/replay")
    ResponseEntity<String> replay(@PathVariable UUID id, Authentication caller) {
        return deadLetters.withoutPlans(
                upstream.call(HttpMethod.POST, ingestion, "/writebacks/" + id + "/replay", null, caller));
    }
}
