package io.triage.audit.report;

/**
 * Counts of one month's decisions sharing every reported attribute: the building block the report aggregates along
 * each dimension. {@code judged} decisions have feedback; {@code correct} ones had the department right.
 */
record DecisionCell(
        String routingMethod,
        String department,
        String modelVersion,
        String channel,
        String language,
        String customerSegment,
        long decisions,
        long abstained,
        long judged,
        long correct) {
}
