package io.triage.console.compliance;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.triage.console.config.ConsoleProperties;
import io.triage.console.upstream.Upstream;
import io.triage.platform.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Compliance page's calls, with the compliance officer's key: the audit chain's verification (audit-service
 * {@code GET /audit/verify}) and an erasure request with its per-store receipts, deadline and signed certificate
 * (gdpr-service {@code GET /gdpr/requests/{id}} and {@code /certificate}), the list of erasure requests with filters
 * and paging ({@code GET /gdpr/requests}) and the monthly compliance report (audit-service
 * {@code GET /audit/reports/monthly?month=&format=}, as JSON or downloaded as CSV or HTML; written to the archive by
 * {@code POST /audit/reports/monthly/run}, a job polled at {@code /audit/reports/monthly/jobs/{id}}). The id is a
 * UUID and every parameter is checked here (400 naming it), so nothing else can be slipped into the service's path or
 * query.
 */
@RestController
@RequestMapping("/api/compliance")
@PreAuthorize("hasRole('COMPLIANCE')")
class ComplianceController {

    private static final MediaType CSV = new MediaType("text", "csv");

    private final Upstream upstream;
    private final URI audit;
    private final URI gdpr;

    ComplianceController(Upstream upstream, ConsoleProperties properties) {
        this.upstream = upstream;
        this.audit = properties.auditService();
        this.gdpr = properties.gdprService();
    }

    @GetMapping("/verification")
    ResponseEntity<String> verify(Authentication caller) {
        return upstream.call(HttpMethod.GET, audit, "/audit/verify", null, caller);
    }

    /** gdpr-service's page of erasure requests, newest first, with their receipts; {@code next} is the next page. */
    @GetMapping("/erasures")
    ResponseEntity<String> erasures(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String overdue,
            @RequestParam(required = false) @Nullable String since,
            @RequestParam(required = false) @Nullable String until,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable String limit, Authentication caller) {
        UriComponentsBuilder query = UriComponentsBuilder.fromPath("/gdpr/requests");
        status = given(status);
        overdue = given(overdue);
        after = given(after);
        limit = given(limit);
        if (status != null) {
            if (!status.equals("IN_PROGRESS") && !status.equals("COMPLETED")) {
                throw new InvalidInputException("status", "status must be IN_PROGRESS or COMPLETED");
            }
            query.queryParam("status", status);
        }
        if (overdue != null) {
            if (!overdue.equals("true") && !overdue.equals("false")) {
                throw new InvalidInputException("overdue", "overdue must be true or false");
            }
            query.queryParam("overdue", overdue);
        }
        for (String[] instant : new String[][] {{"since", since}, {"until", until}}) {
            if (given(instant[1]) != null) {
                try {
                    query.queryParam(instant[0], Instant.parse(instant[1]).toString());
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException(instant[0], instant[0] + " must be an ISO-8601 instant");
                }
            }
        }
        if (after != null) {
            if (!after.matches("[A-Za-z0-9_-]{1,200}")) {
                throw new InvalidInputException("after", "after must be the next value of the previous page");
            }
            query.queryParam("after", after);
        }
        if (limit != null) {
            if (!limit.matches("[0-9]{1,3}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > 200) {
                throw new InvalidInputException("limit", "limit must be between 1 and 200");
            }
            query.queryParam("limit", limit);
        }
        return upstream.call(HttpMethod.GET, gdpr, query.build().toUriString(), null, caller);
    }

    /**
     * audit-service's compliance report of one month (computed by audit-service when asked): JSON for the page, or
     * ({@code format=csv|html}) the file audit-service writes, handed to the browser as a download
     * ({@code Content-Disposition: attachment}), so the report's HTML never renders under the console's origin.
     */
    @GetMapping("/reports/monthly")
    ResponseEntity<String> monthlyReport(@RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String format, Authentication caller) {
        YearMonth parsed = month(month);
        format = given(format);
        if (format == null || format.equals("json")) {
            return upstream.call(HttpMethod.GET, audit, "/audit/reports/monthly?month=" + parsed, null, caller);
        }
        MediaType type = switch (format) {
            case "csv" -> CSV;
            case "html" -> MediaType.TEXT_HTML;
            default -> throw new InvalidInputException("format", "format must be json, csv or html");
        };
        ResponseEntity<String> answer = upstream.call(HttpMethod.GET, audit,
                "/audit/reports/monthly?month=" + parsed + "&format=" + format, null, caller, type);
        if (!answer.getStatusCode().is2xxSuccessful()) {
            return answer;
        }
        // Upstream read the body as UTF-8; it is sent on as UTF-8 (text/* would otherwise default to ISO-8859-1).
        return ResponseEntity.status(answer.getStatusCode()).contentType(new MediaType(type, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("compliance-report-" + parsed + "." + format).build().toString())
                .body(answer.getBody());
    }

    /**
     * Writes an ended month's report (HTML, CSV, JSON) to audit-service's archive store: audit-service answers 202
     * with the job, which the page polls ({@link #reportJob}).
     */
    @PostMapping("/reports/monthly/run")
    ResponseEntity<String> runMonthlyReport(@RequestParam(required = false) @Nullable String month,
            Authentication caller) {
        return upstream.call(HttpMethod.POST, audit, "/audit/reports/monthly/run?month=" + month(month), null,
                caller);
    }

    /** A report job's state ({@code RUNNING}, {@code SUCCEEDED} with what it wrote, {@code FAILED} with why). */
    @GetMapping("/reports/monthly/jobs/{id}")
    ResponseEntity<String> reportJob(@PathVariable UUID id, Authentication caller) {
        return upstream.call(HttpMethod.GET, audit, "/audit/reports/monthly/jobs/" + id, null, caller);
    }

    @GetMapping("/erasures/{id}")
    ResponseEntity<String> erasure(@PathVariable UUID id, Authentication caller) {
        return upstream.call(HttpMethod.GET, gdpr, "/gdpr/requests/" + id, null, caller);
    }

    @GetMapping("/erasures/{id}/certificate")
    ResponseEntity<String> certificate(@PathVariable UUID id, Authentication caller) {
        return upstream.call(HttpMethod.GET, gdpr, "/gdpr/requests/" + id + "/certificate", null, caller);
    }

    private static YearMonth month(@Nullable String month) {
        try {
            return YearMonth.parse(month == null ? "" : month.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "month must be a month such as 2026-11");
        }
    }

    private static @Nullable String given(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
