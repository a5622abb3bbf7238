package io.triage.rules.config;

import io.triage.rules.engine.CompileLimits;
import io.triage.rules.trust.TrustPolicy;
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
 * @param compile                bounds on compiling each rule ({@code triage.rules.compile.*}): longest pattern
 *                               ({@code max-pattern-chars}, 1,000), deepest group nesting ({@code max-nesting-depth},
 *                               16), largest pattern with repetitions expanded ({@code max-expanded-size}, 5,000),
 *                               most automaton states while determinising ({@code max-determinized-states}, 50,000)
 *                               and longest time per rule ({@code timeout}, 5 s); a rule over one is refused (400)
 * @param trust                  when a rule's measured accuracy replaces its declared confidence
 *                               ({@code triage.rules.trust.*}); must equal classify-service's
 *                               {@code triage.classify.tiers.rules.min-outcomes} and {@code min-effective-confidence},
 *                               so that remote and local evaluation flag the same short-circuits
 */
@ConfigurationProperties("triage.rules")
public record RulesEngineProperties(
        @DefaultValue("2s") Duration refreshInterval,
        @DefaultValue("20000") int maxTicketChars,
        @DefaultValue("10000") int maxBatchSize,
        @DefaultValue("0.85") double shortCircuitConfidence,
        @DefaultValue("rules/initial-rules.yaml") String initialRules,
        @DefaultValue("20000") int maxGroupStates,
        @DefaultValue("64") int maxGroupRules,
        @DefaultValue Compile compile,
        @DefaultValue Trust trust) {

    /**
     * When a rule's measured accuracy (from its confirmed outcomes) replaces its declared confidence
     * ({@code triage.rules.trust.*}), as classify-service judges it in-process.
     *
     * @param minOutcomes            confirmed outcomes from which a rule's measured accuracy counts (at least 1)
     * @param minEffectiveConfidence a rule with at least {@code minOutcomes} whose one-sided 95 % Wilson lower bound
     *                               is below this no longer short-circuits (within [0, 1])
     */
    public record Trust(
            @DefaultValue("60") int minOutcomes,
            @DefaultValue("0.95") double minEffectiveConfidence) {

        /** Checked when bound, so that an out-of-range setting stops the service at start-up with its name. */
        public Trust {
            new TrustPolicy(minOutcomes, minEffectiveConfidence, TrustPolicy.DEFAULTS.z());
        }

        /** The policy rules are judged by. */
        public TrustPolicy policy() {
            return new TrustPolicy(minOutcomes, minEffectiveConfidence, TrustPolicy.DEFAULTS.z());
        }
    }

    /**
     * Bounds on compiling each rule ({@code triage.rules.compile.*}); see {@link CompileLimits}.
     *
     * @param maxPatternChars       longest pattern or exclude entry, in characters
     * @param maxNestingDepth       deepest group nesting in a regex
     * @param maxExpandedSize       largest pattern once bounded repetitions are expanded
     * @param maxDeterminizedStates most automaton states while a pattern is determinised (checked as states are
     *                              created, for the pattern, its {@code .*} scan automaton and the rule's product)
     * @param timeout               longest time one rule's automata may take to build
     */
    public record Compile(
            @DefaultValue("1000") int maxPatternChars,
            @DefaultValue("16") int maxNestingDepth,
            @DefaultValue("5000") int maxExpandedSize,
            @DefaultValue("50000") int maxDeterminizedStates,
            @DefaultValue("5s") Duration timeout) {

        /** As rules-core's limits. */
        public CompileLimits limits() {
            return new CompileLimits(maxPatternChars, maxNestingDepth, maxExpandedSize, maxDeterminizedStates,
                    timeout);
        }
    }
}
