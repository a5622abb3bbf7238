package io.triage.rules.engine;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import io.triage.rules.ruleset.Rule;

/** Structural questions about pairs of rules, decided on their automata. */
public final class Shadowing {

    private Shadowing() {
    }

    /**
     * Whether {@code earlier} fires on every ticket {@code later} fires on, so {@code later} can never win. Decided
     * exactly when {@code earlier} has no keywords or excludes and looks at every field {@code later} looks at (then
     * it is language inclusion of "contains a match"); otherwise answers false (not decidable this simple way), as it does when an automaton
     * exceeds {@link CompileLimits#DEFAULTS}.
     */
    public static boolean shadows(Rule earlier, Rule later) {
        if (!earlier.keywords().isEmpty() || !earlier.exclude().isEmpty()
                || !earlier.fields().containsAll(later.fields())) {
            return false;
        }
        try {
            return contains(later).subsetOf(contains(earlier));
        } catch (UnsupportedPatternException e) {
            return false;
        }
    }

    private static Automaton contains(Rule rule) {
        Automaton any = BasicAutomata.makeAnyString();
        CompileLimits.Budget budget = CompileLimits.DEFAULTS.start();
        Automaton pattern = Automata.of(RuleCompiler.parse(rule.pattern(), rule.regex(), CompileLimits.DEFAULTS),
                budget, "pattern");
        return Determinizer.minimal(any.concatenate(pattern).concatenate(BasicAutomata.makeAnyString()), budget,
                "pattern");
    }
}
