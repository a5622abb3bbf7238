package io.triage.audit.report;

/**
 * How far one group's department accuracy lies below the month's overall accuracy ({@code gap} = overall − group;
 * negative when the group does better). Only groups with at least {@code report.min-group-size} decisions with
 * feedback get one; a gap above {@code report.gap-threshold} flags the group.
 *
 * @param group    the group (a department, channel, language or customer segment)
 * @param judged   its decisions with feedback
 * @param accuracy its department accuracy
 * @param gap      overall accuracy minus the group's
 * @param flagged  whether the gap exceeds the threshold
 */
public record GroupGap(String group, long judged, double accuracy, double gap, boolean flagged) {
}
