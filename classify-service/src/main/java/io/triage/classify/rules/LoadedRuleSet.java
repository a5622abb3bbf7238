package io.triage.classify.rules;

import io.triage.rules.engine.CompiledRuleSet;
import io.triage.rules.engine.MatchedSpan;
import io.triage.rules.engine.RuleVerdict;
import io.triage.rules.engine.TicketText;
import io.triage.rules.ruleset.Rule;

/**
 * A published rule set compiled here, answering in rules-engine's own terms: the same rule, span, short-circuit flag
 * and version that {@code POST /rules/evaluate} would return for the same ticket.
 *
 * @param version  the rule-set version
 * @param etag     rules-engine's ETag of it, sent back in {@code If-None-Match}
 * @param settings the settings rules-engine evaluates with
 * @param compiled the automata
 */
record LoadedRuleSet(int version, String etag, RulesEngine.EvaluationSettings settings, CompiledRuleSet compiled) {

    /** Whether rules-engine would evaluate the ticket at all (it refuses larger ones with 413). */
    boolean accepts(RulesEngine.Evaluation ticket) {
        return text(ticket).length() <= settings.maxTicketChars();
    }

    /** The verdict rules-engine would give. */
    RulesEngine.Verdict evaluate(RulesEngine.Evaluation ticket) {
        if (compiled.evaluate(text(ticket)) instanceof RuleVerdict.Fired(Rule rule, MatchedSpan span)) {
            return new RulesEngine.Verdict(true, rule.id(), rule.department(), rule.urgency(), rule.confidence(),
                    rule.confidence() >= settings.shortCircuitConfidence(), version,
                    new RulesEngine.Span(span.field().name(), span.text()));
        }
        return new RulesEngine.Verdict(false, null, null, null, null, false, version, null);
    }

    private static TicketText text(RulesEngine.Evaluation ticket) {
        return new TicketText(ticket.subject(), ticket.description(), ticket.channel());
    }
}
