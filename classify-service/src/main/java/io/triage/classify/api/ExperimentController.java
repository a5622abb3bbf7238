package io.triage.classify.api;

import io.triage.classify.experiment.ExperimentReport;
import io.triage.classify.experiment.ExperimentReports;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /experiments/{name}/report} (ops, analyst): the arms of an A/B experiment compared. */
@RestController
class ExperimentController {

    private final ExperimentReports reports;

    ExperimentController(ExperimentReports reports) {
        this.reports = reports;
    }

    @GetMapping("/experiments/{name}/report")
    @PreAuthorize("hasAnyRole('OPS', 'ANALYST')")
    ExperimentReport report(@PathVariable String name) {
        return reports.report(name);
    }
}
