package io.triage.pii;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One piece of personal data found in a text.
 *
 * @param type     what kind of personal data it is
 * @param start    offset of its first character in the NFKC form of the input (equal to the input for ordinary text)
 * @param end      offset just past its last character
 * @param detector name of the detector that found it
 * @param score    confidence in [0, 1]; validated structured values score highest
 * @param value    the raw value, present only when the sanitizer was built to reveal values, otherwise {@code null}
 */
public record Finding(PiiType type, int start, int end, String detector, double score, @Nullable String value) {

    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detector, "detector");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
        }
    }

    /** A finding without its raw value, as detectors report them. */
    public static Finding of(PiiType type, int start, int end, String detector, double score) {
        return new Finding(type, start, end, detector, score, null);
    }

    /** Length of the span in characters. */
    public int length() {
        return end - start;
    }

    /** Whether the two spans share at least one character. */
    public boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }

    /** This finding carrying the raw value taken from {@code text}. */
    public Finding withValueFrom(String text) {
        return new Finding(type, start, end, detector, score, text.substring(start, end));
    }

    @Override
    public String toString() {
        // Never print the raw value by accident, e.g. in a log line.
        return "Finding[" + type + " " + start + ".." + end + " by " + detector + " score " + score + "]";
    }
}
