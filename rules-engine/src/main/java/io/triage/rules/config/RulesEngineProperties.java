package io.triage.rules.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the rules engine ({@code triage.rules.*}).
 *
 * @param refreshInterval        how often each replica checks which rule-set version is active; a version published
 *                               on another replica is in use here within this time
 * @param maxTicketChars         largest ticket (subject + description + channel, in characters) evaluated; larger
 *                               ones are refused with 413
 * @param maxBatchSize           most tickets in one {@code /rules/evaluate/batch} call
 * @param shortCircuitConfidence a match at or above this confidence tells the caller to skip the ML and LLM tiers
 * @param initialRules           classpath location of the rule set published as version 1 when none exists
 * @param maxGroupStates         largest product automaton per group of rules (memory bound)
 * @param maxGroupRules          most rules per product automaton
 */
@ConfigurationProperties("triage.rules")
public record RulesEngineProperties(
        @DefaultValue("2s") Duration refreshInterval,
        @DefaultValue("20000") int maxTicketChars,
        @DefaultValue("10000") int maxBatchSize,
        @DefaultValue("0.85") double shortCircuitConfidence,
        @DefaultValue("rules/initial-rules.yaml") String initialRules,
        @DefaultValue("20000") int maxGroupStates,
        @DefaultValue("64") int maxGroupRules) {
}
