package io.triage.audit.report;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Accuracy and abstention gaps across the groups of one attribute (channel, language, customer segment). Gaps are
 * the spread between the best and worst group with at least the configured minimum size; a gap above the
 * threshold is flagged.
 */
public record BiasCheck(
        String attribute,
        List<GroupStats> groups,
        @Nullable Double accuracyGap,
        @Nullable Double abstentionGap,
        boolean flagged,
        List<String> reasons) {
}
