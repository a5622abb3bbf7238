package io.triage.rules.engine;

import dk.brics.automaton.Automaton;
import io.triage.rules.ruleset.Rule;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The automata of one rule before tabulation. The first three run over one field and accept wherever a match ends.
 *
 * @param rule     the rule
 * @param pattern  accepts where a pattern match ends
 * @param keywords accepts where a keyword ends; null when the rule has no keywords
 * @param excludes accepts where an exclude match ends; null when the rule has none
 * @param reversed the reversed pattern, anchored, for finding where a match starts
 * @param literals literals of which every firing needs one, or null
 */
record RuleAutomata(Rule rule, Automaton pattern, @Nullable Automaton keywords, @Nullable Automaton excludes,
        Automaton reversed, @Nullable Set<String> literals) {
}
