package io.triage.classify.api;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.triage.classify.lifecycle.jobs.TrainingJob;
import io.triage.classify.lifecycle.provenance.Retirement;
import io.triage.classify.lifecycle.retirement.ModelRetirement;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Model versions trained on an erased customer's text ({@code /models/retirements}): the list with due dates, and
 * a run of the retirement job on demand.
 */
@RestController
class RetirementController {

    private final ModelRetirement retirement;

    RetirementController(ModelRetirement retirement) {
        this.retirement = retirement;
    }

    /**
     * The answer to a run that found nothing to retire.
     *
     * @param started always false: no job was started
     * @param pending always 0
     */
    record NothingPending(boolean started, int pending) {
    }

    @GetMapping("/models/retirements")
    @PreAuthorize("hasAnyRole('ANALYST', 'OPS', 'COMPLIANCE')")
    List<Retirement> retirements() {
        return retirement.list();
    }

    /**
     * 202 with the job (a training job, trigger {@code retirement}) and its {@code Location} when versions are
     * pending; 200 {@code {"started":false,"pending":0}} when nothing is; 409 while another training job runs.
     */
    @PostMapping("/models/retirements/run")
    @PreAuthorize("hasAnyRole('ANALYST', 'OPS')")
    ResponseEntity<?> run() {
        Optional<TrainingJob> job = retirement.start();
        if (job.isEmpty()) {
            return ResponseEntity.ok(new NothingPending(false, 0));
        }
        return ResponseEntity.accepted().location(URI.create(job.get().location())).body(job.get());
    }
}
