package io.triage.rules.engine;

import java.time.Duration;

/**
 * Bounds on compiling each rule of a rule set, so that no pattern an analyst submits can exhaust memory or time. A pattern over
 * a bound is refused with {@link PatternTooComplexException} (a problem naming the rule), and nothing is activated.
 *
 * @param maxPatternChars       longest pattern or exclude entry, in characters
 * @param maxNestingDepth       deepest group nesting in a regex ({@code ((a))} is depth 2)
 * @param maxExpandedSize       largest pattern once bounded repetitions are expanded ({@code (ab){3}} counts 6):
 *                              bounds the nondeterministic automaton before it is determinised
 * @param maxDeterminizedStates most states any automaton may reach while it is determinised (subset construction
 *                              stops as soon as it would create one more), including the scan automaton
 *                              ({@code .*} + pattern) and the product of one rule's parts
 * @param timeout               longest time building one rule's automata may take; checked while determinising
 */
public record CompileLimits(int maxPatternChars, int maxNestingDepth, int maxExpandedSize, int maxDeterminizedStates,
        Duration timeout) {

    /** Defaults: comfortably above every realistic rule (the shipped ones need at most a few hundred states). */
    public static final CompileLimits DEFAULTS = new CompileLimits(1_000, 16, 5_000, 50_000, Duration.ofSeconds(5));

    public CompileLimits {
        if (maxPatternChars < 1 || maxNestingDepth < 1 || maxExpandedSize < 1 || maxDeterminizedStates < 1
                || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("compile limits must be positive");
        }
    }

    /** The budget of one rule's compilation starting now. */
    Budget start() {
        return new Budget(maxDeterminizedStates, System.nanoTime() + timeout.toNanos(), timeout);
    }

    /** The state cap and deadline of one rule's compilation. */
    record Budget(int maxStates, long deadlineNanos, Duration timeout) {

        /** Throws when the compilation has run out of time or its thread was interrupted. */
        void checkTime(String what) {
            if (System.nanoTime() - deadlineNanos > 0 || Thread.currentThread().isInterrupted()) {
                throw new PatternTooComplexException(what + " took longer than " + timeout.toMillis()
                        + " ms to compile");
            }
        }
    }
}
