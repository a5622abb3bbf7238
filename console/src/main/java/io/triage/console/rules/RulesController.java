package io.triage.console.rules;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.triage.console.config.ConsoleProperties;
import io.triage.console.upstream.Upstream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The Rules page's calls, each one rules-engine endpoint called with the analyst's own key: the active set, its
 * versions, validation (with recent labelled tickets as backtest sample), publish and roll back with a reason,
 * per-rule statistics, and evaluating a ticket against the active set.
 */
@RestController
@RequestMapping("/api/rules")
@PreAuthorize("hasRole('ANALYST')")
class RulesController {

    private final Upstream upstream;
    private final BacktestSample sample;
    private final URI rules;

    RulesController(Upstream upstream, BacktestSample sample, ConsoleProperties properties) {
        this.upstream = upstream;
        this.sample = sample;
        this.rules = properties.rulesEngine();
    }

    /** Body of {@code POST /api/rules/validate}: the draft only; the sample is added here. */
    record Draft(@Nullable String yaml) {
    }

    @GetMapping
    ResponseEntity<String> active(Authentication caller) {
        return upstream.call(HttpMethod.GET, rules, "/rules", null, caller);
    }

    @GetMapping("/versions")
    ResponseEntity<String> versions(Authentication caller) {
        return upstream.call(HttpMethod.GET, rules, "/rules/versions", null, caller);
    }

    @GetMapping("/statistics")
    ResponseEntity<String> statistics(Authentication caller) {
        return upstream.call(HttpMethod.GET, rules, "/rules/statistics", null, caller);
    }

    @PostMapping("/validate")
    ResponseEntity<String> validate(@RequestBody Draft draft, Authentication caller) {
        Map<String, @Nullable Object> request = new LinkedHashMap<>();
        request.put("yaml", draft.yaml());
        request.put("samples", sample.recent(caller));
        return upstream.call(HttpMethod.POST, rules, "/rules/validate", request, caller);
    }

    @PostMapping("/publish")
    ResponseEntity<String> publish(@RequestBody JsonNode request, Authentication caller) {
        return upstream.call(HttpMethod.POST, rules, "/rules/publish", request, caller);
    }

    @PostMapping("/rollback")
    ResponseEntity<String> rollback(@RequestBody JsonNode request, Authentication caller) {
        return upstream.call(HttpMethod.POST, rules, "/rules/rollback", request, caller);
    }

    @PostMapping("/evaluate")
    ResponseEntity<String> evaluate(@RequestBody JsonNode ticket, Authentication caller) {
        return upstream.call(HttpMethod.POST, rules, "/rules/evaluate", ticket, caller);
    }
}
