package io.triage.pii.detect;

import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Payment card numbers: 12 to 19 digits starting 0–6 (the card networks' ranges, incl. JCB 1800 and Maestro 0604)
 * or 16 to 19 digits starting 81 (UnionPay's 8100–8171 range), compact, grouped by spaces (one or two) or dashes in
 * any grouping (Amex 4-6-5, Diners 4-6-4), or in dot-separated groups of four, passing the Luhn check. Dots only
 * separate groups of four digits, so IPv4 addresses and dotted amounts are no cards.
 */
public final class CreditCardDetector extends PatternDetector {

    private static final int MIN_DIGITS = 12;
    private static final Pattern CARD = Pattern.compile("(?<![\\w\\-+]|\\d\\.)"
            + "(?:(?:[0-6]|81)(?:(?:[ \\-]| {2})?\\d){11,18}"
            + "|(?:[0-6]\\d|81)\\d{2}(?:\\.\\d{4}){2,3}(?:\\.\\d{1,4})?)(?!\\w|\\.\\d)");

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
        boolean unionPay81 = digits.charAt(0) == '8';
        return digits.length() <= 19 && (!unionPay81 || digits.length() >= 16)
                && digits.chars().distinct().count() > 1 && Luhn.valid(digits.toString());
    }
}
