package io.triage.classify.rules;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.triage.classify.tier.LabelScore;
import io.triage.classify.tier.RoutingMethod;
import io.triage.classify.tier.RuleMatch;
import io.triage.classify.tier.SanitisedTicket;
import io.triage.classify.tier.Tier;
import io.triage.classify.tier.TierContext;
import io.triage.classify.tier.TierOutcome;
import io.triage.platform.client.ResilientCalls;
import io.triage.rules.trust.RuleTrust;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First tier: rules-engine's first matching rule decides when its confidence reaches the short-circuit threshold
 * and, once it has enough confirmed outcomes, the lower bound of its measured accuracy stays at or above 0.95
 * ({@link RuleOutcomes}); a rule that fell below still shows its match, and the later tiers decide.
 * By default the published rule set is evaluated in-process ({@link LocalRuleSet}); with {@code evaluation=remote}
 * rules-engine is asked per ticket. Fallback when no rule set has been fetched yet, or (remote) rules-engine is down,
 * slow or its circuit is open: the tier is skipped and the answer says so.
 */
@Component
@Order(10)
class RuleTier implements Tier {

    static final String DOWNSTREAM = "rules-engine";

    private final RulesEngine rules;
    private final ResilientCalls calls;
    private final RulesTierProperties settings;
    private final LocalRuleSet local;
    private final RuleTrusts trusts;

    RuleTier(RulesEngine rules, ResilientCalls calls, RulesTierProperties properties, LocalRuleSet local,
            RuleTrusts trusts) {
        this.rules = rules;
        this.trusts = trusts;
        this.calls = calls;
        this.settings = properties;
        this.local = local;
    }

    @Override
    public RoutingMethod method() {
        return RoutingMethod.RULE;
    }

    @Override
    public Duration timeout() {
        return settings.timeout();
    }

    @Override
    public TierOutcome decide(TierContext context) {
        if (!settings.enabled()) {
            return new TierOutcome.Skipped("switched off by configuration");
        }
        SanitisedTicket ticket = context.ticket();
        RulesEngine.Evaluation evaluation = new RulesEngine.Evaluation(ticket.ticketId(), ticket.subject(),
                ticket.description(), ticket.channel());
        if (settings.evaluation() == RulesTierProperties.Evaluation.LOCAL) {
            Optional<LoadedRuleSet> loaded = local.current();
            if (loaded.isEmpty()) {
                return new TierOutcome.Skipped(DOWNSTREAM + " unavailable (no rule set fetched yet)");
            }
            if (!loaded.get().accepts(evaluation)) {
                // rules-engine refuses such a ticket (413), which the remote tier also reports as a skip.
                return new TierOutcome.Skipped("ticket longer than the rules' " + loaded.get().settings()
                        .maxTicketChars() + " characters");
            }
            return decide(context, local.evaluate(loaded.get(), evaluation));
        }
        Optional<RulesEngine.Verdict> answer = calls.callOrElse(DOWNSTREAM,
                () -> Optional.ofNullable(rules.evaluate(evaluation)), failure -> Optional.empty());
        if (answer.isEmpty()) {
            return new TierOutcome.Skipped(DOWNSTREAM + " unavailable (" + calls.state(DOWNSTREAM) + ")");
        }
        return decide(context, answer.get());
    }

    /** The tier's outcome from rules-engine's verdict, however it was reached. */
    private TierOutcome decide(TierContext context, RulesEngine.Verdict verdict) {
        context.ruleSetVersion(verdict.ruleSetVersion() == null ? null : verdict.ruleSetVersion().toString());
        if (!verdict.matched() || verdict.ruleId() == null || verdict.department() == null) {
            return new TierOutcome.Undecided("no rule fired");
        }
        double confidence = verdict.confidence() == null ? 0 : verdict.confidence();
        boolean flagged = !Boolean.FALSE.equals(verdict.shortCircuit())
                && confidence >= settings.shortCircuitConfidence();
        RuleTrust trust = trusts.trust(verdict.ruleId(), confidence);
        boolean shortCircuit = flagged && trust.shortCircuits();
        String matched = verdict.span() == null ? null : verdict.span().text();
        context.ruleMatch(new RuleMatch(verdict.ruleId(), verdict.department(), verdict.urgency(), confidence,
                shortCircuit, matched, context.ruleSetVersion()));
        if (flagged && !shortCircuit) {
            return new TierOutcome.Undecided("rule " + verdict.ruleId()
                    + " matched but no longer short-circuits: it was " + trust.describe(settings.trustPolicy()));
        }
        if (!shortCircuit) {
            return new TierOutcome.Undecided("rule " + verdict.ruleId() + " matched with confidence " + confidence);
        }
        double effective = trust.effectiveConfidence();
        LabelScore department = new LabelScore(verdict.department(), effective);
        LabelScore urgency = verdict.urgency() == null ? null : new LabelScore(verdict.urgency(), effective);
        return new TierOutcome.Decided(department, urgency, null, List.of(department),
                "rule " + verdict.ruleId() + " matched \"" + (matched == null ? "" : matched) + "\""
                        + (trust.measured() ? "; it was " + trust.describe(settings.trustPolicy()) : ""));
    }
}
