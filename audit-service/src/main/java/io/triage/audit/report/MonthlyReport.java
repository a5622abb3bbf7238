package io.triage.audit.report;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The monthly compliance report (decisions recorded in {@code month}, UTC). */
public record MonthlyReport(
        String month,
        Instant generatedAt,
        long decisions,
        long judged,
        double abstentionRate,
        @Nullable Double accuracy,
        List<GroupStats> byRoutingMethod,
        List<GroupStats> byDepartment,
        List<GroupStats> byModelVersion,
        List<BiasCheck> biasChecks,
        double gapThreshold,
        int minGroupSize) {
}
