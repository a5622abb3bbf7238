package io.triage.audit.report;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.stereotype.Component;

/**
 * The bias figures of the last report written to the archive: {@code audit_report_bias_gap{attribute,group}}
 * (overall accuracy minus the group's, for groups with enough feedback) and
 * {@code audit_report_bias_flagged_groups{attribute}} (groups above the threshold), which the
 * {@code TriageReportBiasGapExceeded} alert watches. Per replica: the replica that ran the job reports them.
 */
@Component
class ReportMetrics {

    private static final List<String> ATTRIBUTES = List.of("channel", "language", "customerSegment", "department");

    private final MultiGauge gaps;
    private final MultiGauge flagged;

    ReportMetrics(MeterRegistry meters) {
        this.gaps = MultiGauge.builder("audit.report.bias.gap")
                .description("Overall accuracy minus the group's, in the last monthly report written").register(meters);
        this.flagged = MultiGauge.builder("audit.report.bias.flagged.groups")
                .description("Groups more than the gap threshold below the overall accuracy, last monthly report")
                .register(meters);
        flagged.register(ATTRIBUTES.stream().map(a -> MultiGauge.Row.of(Tags.of("attribute", a), 0)).toList());
    }

    void record(MonthlyReport report) {
        List<MultiGauge.Row<?>> gapRows = new ArrayList<>();
        List<MultiGauge.Row<?>> flaggedRows = new ArrayList<>();
        for (BiasCheck check : report.biasChecks()) {
            check.groupGaps().forEach(gap -> gapRows.add(MultiGauge.Row.of(
                    Tags.of("attribute", check.attribute(), "group", gap.group()), gap.gap())));
            flaggedRows.add(MultiGauge.Row.of(Tags.of("attribute", check.attribute()), check.flaggedGroups().size()));
        }
        gaps.register(gapRows, true);
        flagged.register(flaggedRows, true);
    }
}
