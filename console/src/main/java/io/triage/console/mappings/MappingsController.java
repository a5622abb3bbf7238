package io.triage.console.mappings;

import java.net.URI;
import java.util.List;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The Field mappings page's calls, with the administrator's key, passed through to ingestion-service: a source's
 * published mapping and draft ({@code GET /mappings/{source}}), its versions and activations
 * ({@code /versions}), saving the draft, which answers its validation ({@code PUT}, YAML), the dry run of a
 * ticket's decision under the draft or a version ({@code POST /dry-run}), publishing it with a reason
 * ({@code /publish}) and rolling back ({@code /rollback}). The source is one of the writable systems, checked here.
 */
@RestController
@RequestMapping("/api/mappings/{source}")
@PreAuthorize("hasRole('ADMIN')")
class MappingsController {

    static final List<String> SOURCES = List.of("servicenow", "zendesk", "jira");
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final Upstream upstream;
    private final URI ingestion;

    MappingsController(Upstream upstream, ConsoleProperties properties) {
        this.upstream = upstream;
        this.ingestion = properties.ingestionService();
    }

    /** Body of {@code PUT /api/mappings/{source}}: the draft's YAML document. */
    record Draft(@Nullable String yaml) {
    }

    @GetMapping
    ResponseEntity<String> mapping(@PathVariable String source, Authentication caller) {
        return upstream.call(HttpMethod.GET, ingestion, "/mappings/" + source(source), null, caller);
    }

    @GetMapping("/versions")
    ResponseEntity<String> versions(@PathVariable String source, Authentication caller) {
        return upstream.call(HttpMethod.GET, ingestion, "/mappings/" + source(source) + "/versions", null, caller);
    }

    @PutMapping
    ResponseEntity<String> saveDraft(@PathVariable String source, @RequestBody Draft draft, Authentication caller) {
        String checked = source(source);
        if (draft.yaml() == null || draft.yaml().isBlank()) {
            throw new InvalidInputException("yaml", "yaml must be the mapping's YAML document");
        }
        return upstream.send(HttpMethod.PUT, ingestion, "/mappings/" + checked, draft.yaml(), YAML, caller);
    }

    @PostMapping("/dry-run")
    ResponseEntity<String> dryRun(@PathVariable String source, @RequestBody JsonNode request, Authentication caller) {
        return upstream.call(HttpMethod.POST, ingestion, "/mappings/" + source(source) + "/dry-run", request, caller);
    }

    @PostMapping("/publish")
    ResponseEntity<String> publish(@PathVariable String source, @RequestBody JsonNode request, Authentication caller) {
        return upstream.call(HttpMethod.POST, ingestion, "/mappings/" + source(source) + "/publish", request, caller);
    }

    @PostMapping("/rollback")
    ResponseEntity<String> rollback(@PathVariable String source, @RequestBody JsonNode request,
            Authentication caller) {
        return upstream.call(HttpMethod.POST, ingestion, "/mappings/" + source(source) + "/rollback", request,
                caller);
    }

    private static String source(String source) {
        if (!SOURCES.contains(source)) {
            throw new InvalidInputException("source", "source must be servicenow, zendesk or jira");
        }
        return source;
    }
}
