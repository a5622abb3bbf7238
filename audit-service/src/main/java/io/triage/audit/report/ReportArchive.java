package io.triage.audit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.audit.archive.ArchiveStore;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a month's report as {@code report-YYYY-MM.html}, {@code .csv} and {@code .json} to the archive store, next
 * to the archived partitions. Idempotent: a file that already exists is left alone (the store never overwrites),
 * so a second run, a run on another replica or a retry after a partial failure writes only what is missing.
 */
@Component
class ReportArchive {

    private final MonthlyReports reports;
    private final ArchiveStore store;
    private final JsonMapper json;
    private final ReportMetrics metrics;
    private final MeterRegistry meters;

    ReportArchive(MonthlyReports reports, ArchiveStore store, JsonMapper json, ReportMetrics metrics,
            MeterRegistry meters) {
        this.reports = reports;
        this.store = store;
        this.json = json;
        this.metrics = metrics;
        this.meters = meters;
    }

    static String fileName(YearMonth month, String format) {
        return "report-" + month + "." + format;
    }

    ReportRun write(YearMonth month) {
        MonthlyReport report = reports.build(month);
        Map<String, Function<MonthlyReport, String>> formats = new LinkedHashMap<>();
        formats.put("html", ReportFormats::html);
        formats.put("csv", ReportFormats::csv);
        formats.put("json", json::writeValueAsString);
        List<String> written = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        formats.forEach((format, render) -> {
            String name = fileName(month, format);
            if (put(name, render.apply(report))) {
                written.add(name);
                Counter.builder("audit.reports.written").description("Monthly report files written to the archive")
                        .tag("format", format).register(meters).increment();
            } else {
                skipped.add(name);
            }
        });
        if (!written.isEmpty()) {
            metrics.record(report); // the gauges show the last report written, not a rerun that changed nothing
        }
        return new ReportRun(report.month(), store.location(), written, skipped, report.decisions(),
                report.judged(), report.accuracy(), flagged(report));
    }

    /** Whether the file was written now; false when it already existed (also when another writer won a race). */
    private boolean put(String name, String content) {
        if (store.exists(name)) {
            return false;
        }
        try {
            Path file = Files.createTempFile("audit-report-", ".tmp");
            try {
                Files.writeString(file, content, StandardCharsets.UTF_8);
                store.put(name, file);
                return true;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            if (store.exists(name)) {
                return false;
            }
            throw new UncheckedIOException("could not write " + name + " to " + store.location(), e);
        }
    }

    private static List<ReportRun.FlaggedGroup> flagged(MonthlyReport report) {
        List<ReportRun.FlaggedGroup> flagged = new ArrayList<>();
        for (BiasCheck check : report.biasChecks()) {
            check.groupGaps().stream().filter(GroupGap::flagged).forEach(gap -> flagged.add(
                    new ReportRun.FlaggedGroup(check.attribute(), gap.group(), gap.judged(), gap.accuracy(),
                            gap.gap())));
        }
        return flagged;
    }
}
