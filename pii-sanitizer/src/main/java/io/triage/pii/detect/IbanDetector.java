package io.triage.pii.detect;

import io.triage.pii.Detector;
import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * International bank account numbers, in either case, with or without the usual groups of four, accepted only when
 * the ISO 13616 mod-97 checksum holds and the case is not mixed. The longest valid prefix of a candidate wins, so a
 * following word is not swallowed.
 */
public final class IbanDetector implements Detector {

    private static final Pattern CANDIDATE =
            Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?");
    private static final int MIN_LENGTH = 15;
    /** Two letters then two digits, at the start of a word: the country code and check digits. */
    private static final MatchStart COUNTRY_AND_CHECK = (text, index) -> index + 3 < text.length()
            && Character.isLetter(text.charAt(index)) && Character.isLetter(text.charAt(index + 1))
            && MatchStart.isDigit(text.charAt(index + 2)) && MatchStart.isDigit(text.charAt(index + 3))
            && !(index > 0 && MatchStart.isAsciiLetterOrDigit(text.charAt(index - 1)));

    @Override
    public String name() {
        return "iban";
    }

    @Override
    public List<Finding> detect(String text) {
        List<Finding> findings = new ArrayList<>();
        PatternDetector.scan(CANDIDATE, text, COUNTRY_AND_CHECK, matcher -> {
            int end = longestValidEnd(text, matcher.start(), matcher.end());
            if (end > 0) {
                findings.add(Finding.of(PiiType.IBAN, matcher.start(), end, name(), 0.98));
            }
        });
        return findings;
    }

    private static int longestValidEnd(String text, int start, int end) {
        for (int stop = end; stop - start >= MIN_LENGTH; stop--) {
            if (Character.isLetterOrDigit(text.charAt(stop - 1)) && valid(text.substring(start, stop))) {
                return stop;
            }
        }
        return -1;
    }

    /** ISO 13616: move the first four characters to the end, letters to numbers, remainder mod 97 must be 1. */
    static boolean valid(String candidate) {
        if (!candidate.equals(candidate.toUpperCase(java.util.Locale.ROOT))
                && !candidate.equals(candidate.toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        String iban = candidate.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (iban.length() < MIN_LENGTH || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            int value = Character.digit(rearranged.charAt(i), 36);
            if (value < 0) {
                return false;
            }
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder == 1;
    }
}
