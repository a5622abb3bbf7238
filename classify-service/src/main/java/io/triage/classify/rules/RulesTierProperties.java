package io.triage.classify.rules;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules tier ({@code triage.classify.tiers.rules.*}).
 *
 * @param enabled                whether rules-engine is asked at all
 * @param shortCircuitConfidence a matching rule decides (skipping cache, ML and LLM) from this confidence up,
 *                               and only when rules-engine also flags the match as short-circuiting
 * @param timeout                how long the chain waits for rules-engine before skipping the tier
 */
@ConfigurationProperties("triage.classify.tiers.rules")
public record RulesTierProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("0.85") double shortCircuitConfidence,
        @DefaultValue("150ms") Duration timeout) {
}
