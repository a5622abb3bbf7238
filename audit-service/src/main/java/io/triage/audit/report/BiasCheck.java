package io.triage.audit.report;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Accuracy and abstention gaps across the groups of one attribute (channel, language, customer segment,
 * department). {@code accuracyGap} and {@code abstentionGap} are the spread between the best and worst group with at
 * least the configured minimum size; {@code groupGaps} compare each such group's accuracy with the month's overall
 * accuracy, and {@code flaggedGroups} names those more than the threshold below it. The check is flagged when a
 * spread or a group's gap exceeds the threshold.
 */
public record BiasCheck(
        String attribute,
        List<GroupStats> groups,
        @Nullable Double accuracyGap,
        @Nullable Double abstentionGap,
        boolean flagged,
        List<String> reasons,
        List<GroupGap> groupGaps,
        List<String> flaggedGroups) {

    /** A check without per-group gaps. */
    public BiasCheck(String attribute, List<GroupStats> groups, @Nullable Double accuracyGap,
            @Nullable Double abstentionGap, boolean flagged, List<String> reasons) {
        this(attribute, groups, accuracyGap, abstentionGap, flagged, reasons, List.of(), List.of());
    }
}
