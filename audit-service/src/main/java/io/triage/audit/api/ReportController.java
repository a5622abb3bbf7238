package io.triage.audit.api;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import io.triage.audit.report.MonthlyReport;
import io.triage.audit.report.MonthlyReports;
import io.triage.audit.report.ReportFormats;
import io.triage.platform.problem.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /audit/reports/monthly?month=YYYY-MM&format=json|csv|html} (role compliance). */
@RestController
class ReportController {

    private final MonthlyReports reports;

    ReportController(MonthlyReports reports) {
        this.reports = reports;
    }

    @GetMapping("/audit/reports/monthly")
    @PreAuthorize("hasRole('COMPLIANCE')")
    ResponseEntity<?> monthly(@RequestParam String month, @RequestParam(defaultValue = "json") String format) {
        MonthlyReport report = reports.build(parse(month));
        return switch (format) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
            case "csv" -> ResponseEntity.ok().contentType(new MediaType("text", "csv"))
                    .header("Content-Disposition", "attachment; filename=audit-report-" + report.month() + ".csv")
                    .body(ReportFormats.csv(report));
            case "html" -> ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(ReportFormats.html(report));
            default -> throw new InvalidInputException("format", "format must be json, csv or html");
        };
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "month must be YYYY-MM");
        }
    }
}
