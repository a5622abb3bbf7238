package io.triage.rules.engine;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Subset construction that stops at a state budget and a deadline. brics' own {@code determinize()} (called by
 * {@code minimize()}) has no bound, so a pattern like {@code a.{20}} behind {@code .*} builds 2^21 states before any
 * size check could run; here the construction throws {@link PatternTooComplexException} at the first state over the
 * budget. The result is deterministic and then minimised by brics (Hopcroft, which no longer determinises).
 */
final class Determinizer {

    private Determinizer() {
    }

    /** The minimal DFA of {@code nfa}, or an exception as soon as the construction exceeds the budget. */
    static Automaton minimal(Automaton nfa, CompileLimits.Budget budget, String what) {
        Automaton dfa = nfa.isDeterministic() ? nfa : determinize(nfa, budget, what);
        dfa.minimize();
        return dfa;
    }

    private static Automaton determinize(Automaton nfa, CompileLimits.Budget budget, String what) {
        List<State> nfaStates = new ArrayList<>();
        Map<State, Integer> index = new IdentityHashMap<>();
        BitSet initial = new BitSet();
        initial.set(indexOf(nfa.getInitialState(), nfaStates, index));
        Map<BitSet, State> built = new HashMap<>();
        List<BitSet> pending = new ArrayList<>();
        List<State> pendingStates = new ArrayList<>();
        State start = new State();
        built.put(initial, start);
        pending.add(initial);
        pendingStates.add(start);
        for (int i = 0; i < pending.size(); i++) {
            budget.checkTime(what);
            BitSet set = pending.get(i);
            State from = pendingStates.get(i);
            List<Transition> out = new ArrayList<>();
            TreeSet<Integer> points = new TreeSet<>();
            for (int n = set.nextSetBit(0); n >= 0; n = set.nextSetBit(n + 1)) {
                State s = nfaStates.get(n);
                from.setAccept(from.isAccept() || s.isAccept());
                for (Transition t : s.getTransitions()) {
                    out.add(t);
                    points.add((int) t.getMin());
                    points.add(t.getMax() + 1);
                }
            }
            Integer[] bounds = points.toArray(Integer[]::new);
            for (int b = 0; b + 1 < bounds.length; b++) {
                char lo = (char) (int) bounds[b];
                char hi = (char) (bounds[b + 1] - 1);
                BitSet dest = new BitSet();
                for (Transition t : out) {
                    if (t.getMin() <= lo && hi <= t.getMax()) {
                        dest.set(indexOf(t.getDest(), nfaStates, index));
                    }
                }
                if (dest.isEmpty()) {
                    continue;
                }
                State to = built.get(dest);
                if (to == null) {
                    if (built.size() >= budget.maxStates()) {
                        throw new PatternTooComplexException(what + " is too complex (its automaton exceeds "
                                + budget.maxStates() + " states while being built)");
                    }
                    to = new State();
                    built.put(dest, to);
                    pending.add(dest);
                    pendingStates.add(to);
                }
                from.addTransition(new Transition(lo, hi, to));
            }
        }
        Automaton dfa = new Automaton();
        dfa.setInitialState(start);
        dfa.setDeterministic(true);
        dfa.restoreInvariant();
        return dfa;
    }

    private static int indexOf(State state, List<State> states, Map<State, Integer> index) {
        Integer known = index.get(state);
        if (known != null) {
            return known;
        }
        index.put(state, states.size());
        states.add(state);
        return states.size() - 1;
    }
}
