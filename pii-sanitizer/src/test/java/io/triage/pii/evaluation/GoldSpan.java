package io.triage.pii.evaluation;

/**
 * A labelled piece of personal data.
 *
 * @param label our entity label (a {@code PiiType} name) or the source's own label when we do not detect that kind
 * @param start offset of the first character
 * @param end   offset just past the last character
 */
record GoldSpan(String label, int start, int end) {
}
