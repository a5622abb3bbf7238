package io.triage.console.models;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.triage.console.config.ConsoleProperties;
import io.triage.console.upstream.Upstream;
import io.triage.platform.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The Models page's calls, with the analyst's key, passed through to classify-service: the registered versions
 * ({@code GET /models}), the training jobs ({@code GET /models/jobs}, {@code /models/jobs/{id}}), a retraining job
 * ({@code POST /models/retrain}, 202 with the job to poll), a version's evaluation report
 * ({@code GET /models/{v}/report}), a STAGING version's canary share ({@code PUT /models/{v}/canary}) and its
 * promotion ({@code POST /models/{v}/promote}), training from an uploaded CSV or JSON Lines file
 * ({@code POST /models/train}, 202 with the job to poll) and the retirements ({@code GET /models/retirements}). Ids
 * are checked here (a version is a positive number, a job id a UUID), so nothing else can be slipped into the
 * service's path; the file and the share are classify-service's to judge.
 */
@RestController
@RequestMapping("/api/models")
@PreAuthorize("hasRole('ANALYST')")
class ModelsController {

    private final Upstream upstream;
    private final URI classify;

    ModelsController(Upstream upstream, ConsoleProperties properties) {
        this.upstream = upstream;
        this.classify = properties.classifyService();
    }

    @GetMapping
    ResponseEntity<String> versions(Authentication caller) {
        return upstream.call(HttpMethod.GET, classify, "/models", null, caller);
    }

    @GetMapping("/jobs")
    ResponseEntity<String> jobs(@RequestParam(defaultValue = "20") String limit, Authentication caller) {
        return upstream.call(HttpMethod.GET, classify, "/models/jobs?limit=" + limit(limit), null, caller);
    }

    @GetMapping("/jobs/{id}")
    ResponseEntity<String> job(@PathVariable UUID id, Authentication caller) {
        return upstream.call(HttpMethod.GET, classify, "/models/jobs/" + id, null, caller);
    }

    @PostMapping("/retrain")
    ResponseEntity<String> retrain(Authentication caller) {
        return upstream.call(HttpMethod.POST, classify, "/models/retrain", null, caller);
    }

    /**
     * Starts training on an uploaded labelled file (CSV or JSON Lines, sent as its own content type) with the
     * optional column renames ({@code column=source=head}); classify-service answers 202 with the job, or why the
     * file cannot be trained on.
     */
    @PostMapping(path = "/train", consumes = {"text/csv", "application/x-ndjson", "application/jsonl",
            MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<String> train(@RequestBody(required = false) @Nullable String file,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
            @RequestParam(name = "column", required = false) @Nullable List<String> columns, Authentication caller) {
        // Each rename is one encoded query value: an '&' or '=' in it cannot add a parameter of its own.
        String pathAndQuery = UriComponentsBuilder.fromPath("/models/train")
                .queryParam("column", columns == null ? new Object[0] : columns.toArray())
                .build().encode().toUriString();
        return upstream.send(HttpMethod.POST, classify, pathAndQuery, file == null ? "" : file,
                new MediaType(type.getType(), type.getSubtype(), StandardCharsets.UTF_8), caller);
    }

    @GetMapping("/retirements")
    ResponseEntity<String> retirements(Authentication caller) {
        return upstream.call(HttpMethod.GET, classify, "/models/retirements", null, caller);
    }

    /** {@code {"share": 0.25}}, sent on as it came: classify-service judges the share and names it when refused. */
    @PutMapping("/{version}/canary")
    ResponseEntity<String> canary(@PathVariable String version, @RequestBody JsonNode share, Authentication caller) {
        return upstream.call(HttpMethod.PUT, classify, "/models/" + version(version) + "/canary", share, caller);
    }

    @GetMapping("/{version}/report")
    ResponseEntity<String> report(@PathVariable String version, Authentication caller) {
        return upstream.call(HttpMethod.GET, classify, "/models/" + version(version) + "/report", null, caller);
    }

    @PostMapping("/{version}/promote")
    ResponseEntity<String> promote(@PathVariable String version, Authentication caller) {
        return upstream.call(HttpMethod.POST, classify, "/models/" + version(version) + "/promote", null, caller);
    }

    private static long version(String version) {
        try {
            long number = Long.parseLong(version);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new InvalidInputException("version", "version must be a positive whole number");
    }

    private static int limit(String limit) {
        try {
            int number = Integer.parseInt(limit);
            if (number >= 1 && number <= 200) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new InvalidInputException("limit", "limit must be between 1 and 200");
    }
}
