package io.triage.audit.report;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one run of the monthly report wrote to the archive store.
 *
 * @param month         the reported month ({@code YYYY-MM})
 * @param location      the archive store's location
 * @param written       files written by this run
 * @param skipped       files that already existed and were left as they were (a run is idempotent)
 * @param decisions     decisions in the month
 * @param judged        of them, decisions with feedback
 * @param accuracy      overall department accuracy, when any decision has feedback
 * @param flaggedGroups groups whose accuracy lies more than the threshold below the overall accuracy
 */
public record ReportRun(
        String month,
        String location,
        List<String> written,
        List<String> skipped,
        long decisions,
        long judged,
        @Nullable Double accuracy,
        List<FlaggedGroup> flaggedGroups) {

    /**
     * One flagged group.
     *
     * @param attribute channel, language, customerSegment or department
     * @param group     the group
     * @param judged    its decisions with feedback
     * @param accuracy  its accuracy
     * @param gap       overall accuracy minus the group's
     */
    public record FlaggedGroup(String attribute, String group, long judged, double accuracy, double gap) {
    }
}
