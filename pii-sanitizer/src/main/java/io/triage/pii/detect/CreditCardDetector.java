package io.triage.pii.detect;

import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Payment card numbers: 12 to 19 digits starting 0–6 (the card networks' ranges, incl. JCB 1800 and Maestro 0604),
 * optionally grouped by spaces (one or two) or dashes, passing the Luhn check.
 */
public final class CreditCardDetector extends PatternDetector {

    private static final int MIN_DIGITS = 12;
    private static final Pattern CARD = Pattern.compile("(?<![\\w\\-+])[0-6](?:(?:[ \\-]| {2})?\\d){11,18}(?!\\w)");

    public CreditCardDetector() {
        super("credit-card", PiiType.CREDIT_CARD, CARD, 0, 0.97, CreditCardDetector::plausible, MatchStart.DIGIT_RUN);
    }

    @Override
    public List<Finding> detect(String text) {
        return MatchStart.countDigits(text) < MIN_DIGITS ? List.of() : super.detect(text);
    }

    private static boolean plausible(String number) {
        StringBuilder digits = new StringBuilder(number.length());
        number.chars().filter(MatchStart::isDigitCode).forEach(digit -> digits.append((char) digit));
        // All-equal digits ("0000 0000 0000") pass Luhn but are placeholders people type, not cards.
        return digits.chars().distinct().count() > 1 && Luhn.valid(digits.toString());
    }
}
