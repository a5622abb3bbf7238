package io.triage.audit.report;

import org.jspecify.annotations.Nullable;

/**
 * One group of a dimension (a routing method, department, model version, channel …): volume, share of the month,
 * abstention rate, and department accuracy over the decisions that received feedback ({@code null} without any).
 */
public record GroupStats(
        String group,
        long decisions,
        double share,
        double abstentionRate,
        long judged,
        @Nullable Double accuracy) {
}
