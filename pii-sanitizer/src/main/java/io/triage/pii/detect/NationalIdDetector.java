package io.triage.pii.detect;

import io.triage.pii.Detector;
import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * National identifiers: US Social Security numbers (area/group/serial rules) and UK National Insurance numbers
 * (HMRC prefix rules).
 */
public final class NationalIdDetector implements Detector {

    /** Three groups with the same separator: dash, space or dot ("123-45-6789", "123 45 6789", "123.45.6789"). */
    private static final Pattern SSN = Pattern.compile("(?<![\\w\\-.])\\d{3}([\\- .])\\d{2}\\1\\d{4}(?![\\w\\-]|\\.\\d)");
    /** After "SSN" or "social security number": also nine bare digits or mixed separators ("078-051120"). */
    private static final Pattern SSN_IN_CONTEXT = Pattern.compile(
            "(?i)\\b(?:ssn|ss#|social[ \\-]security(?:[ \\-](?:number|no\\.?|#))?)\\b[\\s:#]{0,4}(?:is\\s{1,3})?"
                    + "(\\d{3}[\\- .]?\\d{2}[\\- .]?\\d{4})(?![\\w\\-]|\\.\\d)");
    /**
     * National Insurance numbers, all upper or all lower case, grouped by spaces or dashes or not at all; the suffix
     * letter is optional because HMRC sometimes omits it.
     */
    private static final Pattern NINO = Pattern.compile(
            "(?<![A-Za-z0-9])(?:[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][ \\-]?\\d{2}[ \\-]?\\d{2}[ \\-]?\\d{2}(?:[ \\-]?[A-D])?"
                    + "|[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z][ \\-]?\\d{2}[ \\-]?\\d{2}[ \\-]?\\d{2}(?:[ \\-]?[a-d])?)"
                    + "(?![A-Za-z0-9]|-\\d)");
    /** Lower-case words that a lower-case NINO's prefix can look like: "on 03-1234-5125" is a phone number. */
    private static final Set<String> WORD_PREFIXES = Set.of("on", "at", "to", "me", "my", "we", "as", "be", "he",
            "so", "no", "go", "an", "am", "or", "ok", "oh", "ye", "ya");
    private static final Set<String> NINO_UNUSED_PREFIXES = Set.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ");

    /** Two ASCII letters at the start of a word and a digit after them or after one separator: a NINO's prefix. */
    private static final MatchStart TWO_LETTERS = (text, index) -> index + 3 < text.length()
            && MatchStart.isAsciiLetterOrDigit(text.charAt(index)) && !MatchStart.isDigit(text.charAt(index))
            && Character.isLetter(text.charAt(index + 1))
            && (MatchStart.isDigit(text.charAt(index + 2)) || MatchStart.isDigit(text.charAt(index + 3)))
            && !(index > 0 && MatchStart.isAsciiLetterOrDigit(text.charAt(index - 1)));
    /** A NINO has six digits, an SSN nine. */
    private static final int MIN_DIGITS = 6;

    private final List<PatternDetector> parts = List.of(
            // Above phone numbers (0.9): this grouping is an SSN's, and with many phone regions it is often phone-valid too.
            new PatternDetector(name(), PiiType.US_SSN, SSN, 0, 0.93, NationalIdDetector::validSsn,
                    MatchStart.DIGIT_RUN),
            new PatternDetector(name(), PiiType.US_SSN, SSN_IN_CONTEXT, 1, 0.95, NationalIdDetector::validSsn,
                    MatchStart.wordStartingWithAnyOf("ss", "so")),
            new PatternDetector(name(), PiiType.UK_NINO, NINO, 0, 0.95, NationalIdDetector::validNino, TWO_LETTERS));

    @Override
    public String name() {
        return "national-id";
    }

    @Override
    public List<Finding> detect(String text) {
        if (MatchStart.countDigits(text) < MIN_DIGITS) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (PatternDetector part : parts) {
            findings.addAll(part.detect(text));
        }
        return findings;
    }

    /** HMRC never issues these prefixes; a bare two letters and six digits also needs a suffix or grouping. */
    private static boolean validNino(String nino) {
        String compact = nino.replaceAll("[ \\-]", "").toUpperCase(java.util.Locale.ROOT);
        boolean suffix = Character.isLetter(compact.charAt(compact.length() - 1));
        boolean grouped = compact.length() != nino.length();
        boolean wordBefore = WORD_PREFIXES.contains(nino.substring(0, 2)) && !Character.isLetterOrDigit(nino.charAt(2));
        return !NINO_UNUSED_PREFIXES.contains(compact.substring(0, 2)) && (suffix || grouped)
                && (suffix || !wordBefore);
    }

    private static boolean validSsn(String ssn) {
        String digits = ssn.replaceAll("[^0-9]", "");
        int area = Integer.parseInt(digits.substring(0, 3));
        int group = Integer.parseInt(digits.substring(3, 5));
        int serial = Integer.parseInt(digits.substring(5));
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
    }
}
