package io.triage.classify.rules;

import io.triage.rules.trust.RuleTrust;

/** What a rule has earned from its confirmed outcomes ({@link RuleOutcomes} reads them from the decision log). */
@FunctionalInterface
interface RuleTrusts {

    /** The trust of {@code ruleId}, declared with {@code declaredConfidence}. */
    RuleTrust trust(String ruleId, double declaredConfidence);
}
