package io.triage.classify.rules;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules tier ({@code triage.classify.tiers.rules.*}).
 *
 * @param enabled                whether the rules are consulted at all
 * @param shortCircuitConfidence a matching rule decides (skipping cache, ML and LLM) from this confidence up,
 *                               and only when rules-engine's own threshold also flags the match as short-circuiting
 * @param timeout                how long the chain waits for rules-engine before skipping the tier (remote mode)
 * @param evaluation             {@code local}: evaluate rules-engine's published rule set in-process with rules-core
 *                               (no call per ticket); {@code remote}: one {@code POST /rules/evaluate} per ticket
 * @param refreshInterval        local mode: how often the published rule set is checked ({@code GET /rules} with
 *                               {@code If-None-Match}); a publish is in use here within this time
 */
@ConfigurationProperties("triage.classify.tiers.rules")
public record RulesTierProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("0.85") double shortCircuitConfidence,
        @DefaultValue("150ms") Duration timeout,
        @DefaultValue("local") Evaluation evaluation,
        @DefaultValue("2s") Duration refreshInterval) {

    /** Where the rule set is evaluated. */
    public enum Evaluation {
        /** In-process, on the rule set fetched from rules-engine. */
        LOCAL,
        /** By rules-engine, one HTTP call per ticket. */
        REMOTE
    }
}
