package io.triage.ingestion.api;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.triage.ingestion.mapping.MappingActivation;
import io.triage.ingestion.mapping.MappingLifecycle;
import io.triage.ingestion.mapping.MappingVersion;
import io.triage.ingestion.mapping.WriteBackPlan;
import io.triage.ingestion.ticket.TicketSource;
import io.triage.ingestion.writeback.PlannedRequest;
import io.triage.ingestion.writeback.SourceWrites;
import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Field mappings per ticketing system (read: OPS, ANALYST; write: ADMIN): the published version and the draft,
 * drafting, publishing, rolling back, history, and the dry run of a version on a ticket's decision.
 */
@RestController
@Tag(name = "mappings", description = "How decisions are written back to ServiceNow, Zendesk and Jira")
class MappingController {

    private static final String READ = "hasAnyRole('OPS', 'ANALYST')";
    private static final String WRITE = "hasRole('ADMIN')";

    private final MappingLifecycle mappings;

    MappingController(MappingLifecycle mappings) {
        this.mappings = mappings;
    }

    /** A source's mapping: the version in use (none until one is published) and the draft, if any. */
    record MappingResponse(String source, @Nullable MappingVersion published, @Nullable MappingVersion draft) {
    }

    /** Every version, newest first, and every publish and rollback, newest first. */
    record VersionsResponse(String source, List<MappingVersion> versions, List<MappingActivation> activations) {
    }

    record PublishRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    record RollbackRequest(@Positive int version, @NotBlank @Size(max = 1000) String reason) {
    }

    record DryRunRequest(@NotNull UUID ticketId, @Nullable @Positive Integer version) {
    }

    /**
     * A dry run's answer: the plan, and the exact requests the write-back client would send for it (with the note; a
     * Jira {@code team} under the key {@code team}, since the site's Team field id takes a call to find).
     */
    record DryRunResponse(int version, String state, WriteBackPlan plan, List<PlannedRequest> requests) {
    }

    @GetMapping("/mappings/{source}")
    @PreAuthorize(READ)
    MappingResponse mapping(@PathVariable String source) {
        TicketSource s = source(source);
        return new MappingResponse(s.tag(), mappings.published(s).orElse(null), mappings.draft(s).orElse(null));
    }

    @PutMapping(path = "/mappings/{source}", consumes = {"application/yaml", "application/x-yaml", "text/yaml",
        "text/plain"})
    @PreAuthorize(WRITE)
    @Operation(summary = "Save the draft (YAML) and answer its validation report",
            description = "The draft is saved even with problems (problems name line, column and field); "
                    + "publishing refuses it until it has none.")
    MappingLifecycle.DraftReport saveDraft(@PathVariable String source, @RequestBody(required = false)
            @Nullable String yaml, Principal principal) {
        TicketSource s = source(source);
        if (yaml == null || yaml.isBlank()) {
            throw new InvalidInputException("body", "the body must be the mapping's YAML document");
        }
        return mappings.saveDraft(s, yaml, principal.getName());
    }

    @PostMapping("/mappings/{source}/publish")
    @PreAuthorize(WRITE)
    @Operation(summary = "Publish the draft", description = "422 with every problem when it is invalid; 503 when "
            + "classify-service's taxonomy cannot be read; 409 when there is no draft.")
    MappingVersion publish(@PathVariable String source, @Valid @RequestBody PublishRequest request,
            Principal principal) {
        return mappings.publish(source(source), principal.getName(), request.reason());
    }

    @PostMapping("/mappings/{source}/rollback")
    @PreAuthorize(WRITE)
    MappingVersion rollback(@PathVariable String source, @Valid @RequestBody RollbackRequest request,
            Principal principal) {
        return mappings.rollback(source(source), request.version(), principal.getName(), request.reason());
    }

    @GetMapping("/mappings/{source}/versions")
    @PreAuthorize(READ)
    VersionsResponse versions(@PathVariable String source) {
        TicketSource s = source(source);
        return new VersionsResponse(s.tag(), mappings.versions(s), mappings.activations(s));
    }

    @PostMapping("/mappings/{source}/dry-run")
    @PreAuthorize(READ)
    @Operation(summary = "What a ticket's stored decision would write back under a version",
            description = "The given version, else the draft, else the published one, and the exact requests it "
                    + "would send. Writes nothing.")
    DryRunResponse dryRun(@PathVariable String source, @Valid @RequestBody DryRunRequest request) {
        MappingLifecycle.DryRun dryRun = mappings.dryRun(source(source), request.ticketId(), request.version());
        WriteBackPlan plan = dryRun.plan();
        return new DryRunResponse(dryRun.version(), dryRun.state(), plan, SourceWrites.requests(plan));
    }

    private static TicketSource source(String name) {
        return switch (name) {
            case "servicenow" -> TicketSource.SERVICENOW;
            case "zendesk" -> TicketSource.ZENDESK;
            case "jira" -> TicketSource.JIRA;
            default -> throw new NotFoundException("No mapping source named "
                    + name.replaceAll("[^a-z0-9_-]", "?") + "; use servicenow, zendesk or jira");
        };
    }
}
