package io.triage.pii.evaluation;

import java.util.List;

/**
 * A text with its labelled personal data.
 *
 * @param text  the raw text
 * @param spans the gold spans
 */
record LabelledText(String text, List<GoldSpan> spans) {
}
