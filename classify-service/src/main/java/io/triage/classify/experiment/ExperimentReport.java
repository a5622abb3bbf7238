package io.triage.classify.experiment;

import java.util.List;

/**
 * One experiment's arms compared.
 *
 * @param experiment         its name
 * @param share              the configured share of the second arm (0: the experiment is off)
 * @param arms               one entry per arm
 * @param accuracyDifference accuracy of the first arm minus the second's, when both have feedback
 */
public record ExperimentReport(String experiment, double share, List<Arm> arms, Interval accuracyDifference) {

    /**
     * One arm.
     *
     * @param arm            its name
     * @param decisions      decisions in the arm
     * @param judged         of those, decisions with feedback
     * @param accuracy       department accuracy among judged decisions
     * @param tokens         LLM tokens per decision
     * @param latencyMillis  classification latency per decision
     * @param p95LatencyMillis 95th percentile latency
     */
    public record Arm(String arm, long decisions, long judged, Interval accuracy, Interval tokens,
            Interval latencyMillis, double p95LatencyMillis) {
    }
}
