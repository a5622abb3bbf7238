package io.triage.rules.catalog;

import io.triage.rules.engine.CompiledRuleSet;

/**
 * The rule set this replica evaluates with.
 *
 * @param activation which version, since when, by whom
 * @param yaml       its source
 * @param compiled   ready to evaluate
 */
public record ActiveRules(Activation activation, String yaml, CompiledRuleSet compiled) {

    public int version() {
        return activation.version();
    }
}
