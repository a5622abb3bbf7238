package io.triage.rules.engine;

/** A pattern that is not valid, or uses a construct the linear-time matcher cannot support. */
public class UnsupportedPatternException extends RuntimeException {

    private final int index;

    UnsupportedPatternException(String reason, int index) {
        super(reason + (index >= 0 ? " at index " + index : ""));
        this.index = index;
    }

    /** Index in the pattern where the problem is, or -1. */
    public int index() {
        return index;
    }
}
