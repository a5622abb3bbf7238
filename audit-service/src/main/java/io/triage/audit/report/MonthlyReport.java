package io.triage.audit.report;

import java.time.Instant;
import java.util.List;

/** The monthly compliance report (decisions recorded in {@code month}, UTC). */
public record MonthlyReport(
        String month,
        Instant generatedAt,
        long decisions,
        long judged,
        double abstentionRate,
        Double accuracy,
        List<GroupStats> byRoutingMethod,
        List<GroupStats> byDepartment,
        List<GroupStats> byModelVersion,
        List<BiasCheck> biasChecks,
        double gapThreshold,
        int minGroupSize) {
}
