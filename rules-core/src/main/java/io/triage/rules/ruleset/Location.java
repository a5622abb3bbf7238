package io.triage.rules.ruleset;

/**
 * A position in the YAML source, 1-based, so error messages match what an editor shows.
 *
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record Location(int line, int column) {

    /** For rules built in code rather than parsed. */
    public static final Location UNKNOWN = new Location(0, 0);
}
