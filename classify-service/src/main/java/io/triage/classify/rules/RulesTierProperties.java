package io.triage.classify.rules;

import java.time.Duration;

import io.triage.rules.trust.TrustPolicy;
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
 * @param minOutcomes            confirmed outcomes (feedback on tickets a rule matched) from which a rule's measured
 *                               accuracy replaces its declared confidence
 * @param minEffectiveConfidence a rule with at least {@code minOutcomes} whose effective confidence (the one-sided
 *                               95 % Wilson lower bound of its measured accuracy) is below this no longer
 *                               short-circuits: its match is still shown, and the later tiers decide
 * @param trustRefreshInterval   how long a replica uses its per-rule outcome counts before reading them again from
 *                               the decision log (feedback given on this replica reloads them at once)
 */
@ConfigurationProperties("triage.classify.tiers.rules")
public record RulesTierProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("0.85") double shortCircuitConfidence,
        @DefaultValue("150ms") Duration timeout,
        @DefaultValue("local") Evaluation evaluation,
        @DefaultValue("2s") Duration refreshInterval,
        @DefaultValue("60") int minOutcomes,
        @DefaultValue("0.95") double minEffectiveConfidence,
        @DefaultValue("30s") Duration trustRefreshInterval) {

    /** The policy rules earn their short-circuit by (a one-sided 95 % bound). */
    public TrustPolicy trustPolicy() {
        return new TrustPolicy(minOutcomes, minEffectiveConfidence, TrustPolicy.DEFAULTS.z());
    }

    /** Where the rule set is evaluated. */
    public enum Evaluation {
        /** In-process, on the rule set fetched from rules-engine. */
        LOCAL,
        /** By rules-engine, one HTTP call per ticket. */
        REMOTE
    }
}
