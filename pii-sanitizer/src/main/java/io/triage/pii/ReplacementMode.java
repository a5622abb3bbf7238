package io.triage.pii;

/**
 * How found personal data is written in the sanitised text.
 */
public enum ReplacementMode {
    /** Every value becomes its kind's placeholder, e.g. {@code <PERSON>}. */
    PLACEHOLDER,
    /**
     * Values are numbered per kind, consistently within one text: "John … John" gives
     * {@code <PERSON_1> … <PERSON_1>}.
     */
    NUMBERED,
    /**
     * Values become keyed pseudonyms (HMAC-SHA256 with a configured secret), stable across texts:
     * {@code <PERSON_3f9a0c1d2b4e>}.
     */
    PSEUDONYM
}
