package io.triage.rules.engine;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A deterministic automaton as a table over an {@link Alphabet}'s classes. State -1 is the dead state.
 */
final class Dfa {

    final int[] next;
    final boolean[] accepting;
    final int classes;

    private Dfa(int[] next, boolean[] accepting, int classes) {
        this.next = next;
        this.accepting = accepting;
        this.classes = classes;
    }

    /** Tabulates a brics automaton; the initial state becomes state 0. */
    static Dfa of(Automaton automaton, Alphabet alphabet) {
        automaton.determinize();
        List<State> states = new ArrayList<>();
        Map<State, Integer> index = new HashMap<>();
        states.add(automaton.getInitialState());
        index.put(automaton.getInitialState(), 0);
        for (int i = 0; i < states.size(); i++) {
            for (Transition t : states.get(i).getTransitions()) {
                if (index.putIfAbsent(t.getDest(), states.size()) == null) {
                    states.add(t.getDest());
                }
            }
        }
        int classes = alphabet.size();
        int[] next = new int[states.size() * classes];
        boolean[] accepting = new boolean[states.size()];
        for (int s = 0; s < states.size(); s++) {
            accepting[s] = states.get(s).isAccept();
            for (int cls = 0; cls < classes; cls++) {
                State dest = states.get(s).step(alphabet.representative(cls));
                // Every state reachable from the initial one was indexed above.
                next[s * classes + cls] = dest == null ? -1 : Objects.requireNonNull(index.get(dest));
            }
        }
        return new Dfa(next, accepting, classes);
    }

    int step(int state, int cls) {
        return state < 0 ? -1 : next[state * classes + cls];
    }

    boolean accepts(int state) {
        return state >= 0 && accepting[state];
    }

    /** Scanning from the initial state, the index after the first position where this DFA accepts, or -1. */
    int firstMatchEnd(String text, char[] classOf) {
        int state = 0;
        for (int i = 0; i < text.length() && state >= 0; i++) {
            state = step(state, classOf[text.charAt(i)]);
            if (accepts(state)) {
                return i + 1;
            }
        }
        return -1;
    }

    int stateCount() {
        return accepting.length;
    }
}
