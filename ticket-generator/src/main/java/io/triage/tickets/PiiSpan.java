package io.triage.tickets;

/**
 * A labelled personal-data span inside subject or description; [start, end) char offsets in that field.
 *
 * @param field which text field the offsets refer to
 * @param start inclusive start offset (UTF-16 chars)
 * @param end   exclusive end offset (UTF-16 chars)
 * @param type  kind of personal data
 */
public record PiiSpan(Field field, int start, int end, PiiType type) {

    /** The ticket text field a span points into. */
    public enum Field { SUBJECT, DESCRIPTION }

    public PiiSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("span must be non-empty and non-negative: [" + start + ", " + end + ")");
        }
    }
}
