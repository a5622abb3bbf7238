package io.triage.rules.engine;

import dk.brics.automaton.Automaton;
import io.triage.rules.ruleset.Rule;
import java.util.Set;

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
record RuleAutomata(Rule rule, Automaton pattern, Automaton keywords, Automaton excludes, Automaton reversed,
        Set<String> literals) {
}
