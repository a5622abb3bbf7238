package io.triage.rules.engine;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Character classes shared by every table of one compiled rule set: characters that no automaton distinguishes share
 * a class, so tables have a column per class rather than per character.
 */
final class Alphabet {

    private final char[] classOf = new char[Character.MAX_VALUE + 1];
    private final char[] representatives;

    Alphabet(Collection<Automaton> automata) {
        TreeSet<Integer> starts = new TreeSet<>();
        starts.add(0);
        for (Automaton automaton : automata) {
            for (State state : automaton.getStates()) {
                for (Transition t : state.getTransitions()) {
                    starts.add((int) t.getMin());
                    if (t.getMax() < Character.MAX_VALUE) {
                        starts.add(t.getMax() + 1);
                    }
                }
            }
        }
        representatives = new char[starts.size()];
        int k = 0;
        for (int start : starts) {
            representatives[k++] = (char) start;
        }
        for (int cls = 0; cls < representatives.length; cls++) {
            int end = cls + 1 < representatives.length ? representatives[cls + 1] : Character.MAX_VALUE + 1;
            for (int c = representatives[cls]; c < end; c++) {
                classOf[c] = (char) cls;
            }
        }
    }

    /** The class of an input character. */
    int classOf(char c) {
        return classOf[c];
    }

    /** The raw lookup table, for hot loops. */
    char[] classTable() {
        return classOf;
    }

    int size() {
        return representatives.length;
    }

    char representative(int cls) {
        return representatives[cls];
    }
}
