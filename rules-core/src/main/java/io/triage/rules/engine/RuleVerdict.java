package io.triage.rules.engine;

import io.triage.rules.ruleset.Rule;

/** What a rule set decided for one ticket. */
public sealed interface RuleVerdict {

    /** The first rule (in order) that fires on the ticket. */
    record Fired(Rule rule, MatchedSpan span) implements RuleVerdict {
    }

    /** No rule fires; later tiers decide. */
    record NoRuleFired() implements RuleVerdict {
    }

    /** Shared instance of {@link NoRuleFired}. */
    RuleVerdict NONE = new NoRuleFired();
}
