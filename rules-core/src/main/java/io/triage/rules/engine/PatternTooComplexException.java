package io.triage.rules.engine;

/**
 * A pattern that is valid but exceeds a {@link CompileLimits} bound (length, nesting, size, automaton states or
 * compilation time); thrown as soon as the bound is reached, before the work (and memory) it would take.
 */
public final class PatternTooComplexException extends UnsupportedPatternException {

    PatternTooComplexException(String reason) {
        super(reason, -1);
    }
}
