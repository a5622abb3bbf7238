package io.triage.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds one text field while recording where each personal-data value lands, so span offsets are exact
 * by construction. Typos and lower-casing are applied to the writer's own words as they are appended;
 * structured values (numbers, ids) are never altered, names and e-mails follow the lower-case style.
 */
final class TicketText {

    private final PiiSpan.Field field;
    private final Dice dice;
    private final double typoRate;
    private final boolean lowercase;
    private final StringBuilder text = new StringBuilder();
    private final List<PiiSpan> spans = new ArrayList<>();

    TicketText(PiiSpan.Field field, Dice dice, double typoRate, boolean lowercase) {
        this.field = field;
        this.dice = dice;
        this.typoRate = typoRate;
        this.lowercase = lowercase;
    }

    /** The writer's own words: may get typos and lower-casing. */
    void words(String words) {
        text.append(Typos.inject(cased(words), typoRate, dice));
    }

    /** Text copied verbatim apart from the lower-case style (amounts, digits, fixed phrases). */
    void plain(String value) {
        text.append(cased(value));
    }

    void pii(PiiType type, String value) {
        String written = switch (type) {
            case PERSON, ORG, LOCATION, EMAIL -> cased(value);
            default -> value;
        };
        int start = text.length();
        text.append(written);
        spans.add(new PiiSpan(field, start, text.length(), type));
    }

    /** Appends a separator unless the text is empty or already ends in whitespace. */
    void separate(String separator) {
        if (!text.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1))) {
            text.append(separator);
        }
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    String text() {
        return text.toString();
    }

    List<PiiSpan> spans() {
        return List.copyOf(spans);
    }

    private String cased(String value) {
        return lowercase ? value.toLowerCase(Locale.ROOT) : value;
    }
}
