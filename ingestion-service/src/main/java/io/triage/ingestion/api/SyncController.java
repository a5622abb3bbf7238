package io.triage.ingestion.api;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.triage.ingestion.sync.SourceSync;
import io.triage.ingestion.sync.SyncRun;
import io.triage.ingestion.ticket.TicketSource;
import io.triage.platform.problem.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Pulls on demand (role OPS): a background job answered with 202 and the run to poll. */
@RestController
@Tag(name = "sync", description = "Pull tickets from ServiceNow, Zendesk and Jira")
class SyncController {

    private final SourceSync sync;

    SyncController(SourceSync sync) {
        this.sync = sync;
    }

    @PostMapping("/sources/{source}/sync")
    @PreAuthorize("hasRole('OPS')")
    @Operation(summary = "Start a pull of servicenow, zendesk or jira from its watermark",
            description = "202 with the run and its Location; poll it until status is SUCCEEDED, FAILED or "
                    + "SKIPPED (another pull of the source was running). 404 when the source is not enabled.")
    ResponseEntity<SyncRun> start(@PathVariable String source) {
        TicketSource enabled = enabledSource(source);
        SyncRun run = sync.start(enabled, "request");
        return ResponseEntity.accepted().location(URI.create("/sources/syncs/" + run.id())).body(run);
    }

    @GetMapping("/sources/syncs/{id}")
    @PreAuthorize("hasRole('OPS')")
    SyncRun run(@PathVariable UUID id) {
        return sync.run(id).orElseThrow(() -> new NotFoundException("No pull " + id));
    }

    private TicketSource enabledSource(String name) {
        TicketSource source = switch (name) {
            case "servicenow", "zendesk", "jira" -> TicketSource.valueOf(name.toUpperCase(Locale.ROOT));
            default -> null;
        };
        if (source == null || !sync.enabled(source)) {
            throw new NotFoundException("No enabled source named " + name.replaceAll("[^a-z0-9_-]", "?"));
        }
        return source;
    }
}
