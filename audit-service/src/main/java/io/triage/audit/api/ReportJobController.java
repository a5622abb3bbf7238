package io.triage.audit.api;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.triage.audit.report.ReportJob;
import io.triage.audit.report.ReportJobs;
import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /audit/reports/monthly/run?month=YYYY-MM} (compliance, ops): writes an ended month's report to the
 * archive store in the background, answering 202 with the job and its {@code Location};
 * {@code GET /audit/reports/monthly/jobs/{id}} polls it.
 */
@RestController
class ReportJobController {

    private final ReportJobs jobs;

    ReportJobController(ReportJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/audit/reports/monthly/run")
    @PreAuthorize("hasAnyRole('COMPLIANCE', 'OPS')")
    ResponseEntity<ReportJob> run(@RequestParam(required = false) @Nullable String month) {
        ReportJob job = jobs.submit(parse(month));
        return ResponseEntity.accepted().location(URI.create(job.location())).body(job);
    }

    @GetMapping("/audit/reports/monthly/jobs/{id}")
    @PreAuthorize("hasAnyRole('COMPLIANCE', 'OPS')")
    ReportJob job(@PathVariable UUID id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("No report job " + id));
    }

    private static YearMonth parse(@Nullable String month) {
        if (month == null) {
            throw new InvalidInputException("month", "month is required, as YYYY-MM");
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "month must be YYYY-MM");
        }
    }
}
