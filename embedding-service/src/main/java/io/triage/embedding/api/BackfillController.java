package io.triage.embedding.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import io.triage.embedding.backfill.Backfill;
import io.triage.embedding.backfill.BackfillJobs;
import io.triage.embedding.backfill.Backfills;
import io.triage.embedding.reconcile.ReconcileReport;
import io.triage.embedding.reconcile.Reconciler;
import io.triage.embedding.sync.TicketSync;
import io.triage.platform.problem.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operations: backfill a file of historical tickets, follow it, sync the feed and reconcile the index on demand. */
@RestController
class BackfillController {

    private final BackfillJobs jobs;
    private final Backfills backfills;
    private final Reconciler reconciler;
    private final TicketSync sync;
    private final ApiProperties properties;

    BackfillController(BackfillJobs jobs, Backfills backfills, Reconciler reconciler, TicketSync sync,
            ApiProperties properties) {
        this.sync = sync;
        this.jobs = jobs;
        this.backfills = backfills;
        this.reconciler = reconciler;
        this.properties = properties;
    }

    @PostMapping("/backfill")
    @PreAuthorize("hasRole('OPS')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Backfill start(@Valid @RequestBody BackfillRequest request) {
        return jobs.start(request.file());
    }

    @GetMapping("/backfill/{id}")
    @PreAuthorize("hasRole('OPS')")
    Backfill status(@PathVariable UUID id) {
        return backfills.find(id).orElseThrow(() -> new NotFoundException("No backfill " + id));
    }

    @PostMapping("/sync")
    @PreAuthorize("hasRole('OPS')")
    SyncResult sync() {
        return new SyncResult(Unavailability.guard(properties.storeRetryAfter(), sync::syncAll));
    }

    @PostMapping("/reconcile")
    @PreAuthorize("hasRole('OPS')")
    ReconcileReport reconcile() {
        return Unavailability.guard(properties.storeRetryAfter(), reconciler::reconcile);
    }

    /**
     * Outcome of {@code POST /sync}.
     *
     * @param ticketsRead tickets read from ingestion-service's feed (new ones embedded, known ones skipped)
     */
    record SyncResult(int ticketsRead) {
    }

    /**
     * Body of {@code POST /backfill}.
     *
     * @param file name of a JSONL file in the backfill directory, one ticket per line
     *     ({@code ticketId, customerId?, text, createdAt, department?, urgency?, sentiment?})
     */
    record BackfillRequest(@NotBlank String file) {
    }
}
