package io.triage.pii.detect;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.triage.pii.Detector;
import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telephone numbers. Phone-shaped candidates (7 to 15 digits) that libphonenumber validates as international
 * numbers or national numbers of the configured regions score high; grouped candidates it cannot validate (national
 * formats of other countries) still count, with a lower score so validated kinds such as card numbers win overlaps.
 * Bare digit runs ("13812345678") count only when valid in one of the configured regions.
 */
public final class PhoneDetector implements Detector {

    /** An extension: "x12", "x.12", "ext. 204", "ext:204", "extn 5", ", ext. 694". */
    private static final String EXTENSION_SUFFIX = "(?:,?\\s?(?i:x\\.?|ext[.:]?|extn[.:]?|extension|durchwahl|poste|#)"
            + "\\s?\\d{1,6})?";
    private static final Pattern CANDIDATE = Pattern.compile("(?<![\\w+\\-.])(?:\\+\\d{7,15}" + EXTENSION_SUFFIX
            + "|(?:\\+\\d{1,3}[ .\\-]?|\\d (?=\\())?(?:\\(\\d{1,5}(?:[ \\-]\\d{1,4})?\\)[ .\\-]?)?\\d{1,12}(?:(?:[ .\\-/]|\\s-\\s)\\d{1,10}){0,5}"
            + EXTENSION_SUFFIX + ")(?!\\w|[\\-.]\\d)");
    /** A candidate starts with +, ( or a digit that does not continue a digit run. */
    private static final MatchStart CANDIDATE_START = (text, index) -> {
        char c = text.charAt(index);
        return (c == '+' || c == '(' || MatchStart.isDigit(c)) && !(index > 0 && MatchStart.isDigit(text.charAt(index - 1)));
    };
    private static final Pattern DATE_LIKE =
            Pattern.compile("\\d{4}[\\-/.]\\d{1,2}[\\-/.]\\d{1,2}|\\d{1,2}[\\-/.]\\d{1,2}[\\-/.]\\d{2,4}");
    private static final Pattern EXTENSION = Pattern.compile("(?i)(?:x\\.?|ext[.:]?|extn[.:]?|extension|durchwahl|poste|#)"
            + "\\s?\\d{1,6}$");
    /** Regions tried for grouped candidates, which are accepted either way (see {@link #valid}). */
    private static final int RANKING_REGIONS = 2;
    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 21;
    private static final int MAX_NUMBER_DIGITS = 15;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final List<String> regions;

    /** @param regions ISO 3166 regions whose national formats libphonenumber should validate, e.g. US, GB */
    public PhoneDetector(List<String> regions) {
        this.regions = List.copyOf(regions);
    }

    @Override
    public String name() {
        return "phone";
    }

    /**
     * Candidates come from one linear pattern; libphonenumber only validates each bounded candidate, because its
     * own text scanner is far from linear on long digit runs.
     */
    @Override
    public List<Finding> detect(String text) {
        if (countDigits(text) < MIN_DIGITS) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        PatternDetector.scan(CANDIDATE, text, CANDIDATE_START, candidates -> {
            String candidate = candidates.group();
            int digits = countDigits(candidate);
            if (digits < MIN_DIGITS || digits > MAX_DIGITS || DATE_LIKE.matcher(candidate).matches()
                    || digits - extensionDigits(candidate) > MAX_NUMBER_DIGITS) {
                return;
            }
            boolean grouped = grouped(candidate);
            if (valid(candidate, grouped ? RANKING_REGIONS : regions.size())) {
                findings.add(Finding.of(PiiType.PHONE, candidates.start(), candidates.end(), name(), 0.9));
            } else if (grouped) {
                findings.add(Finding.of(PiiType.PHONE, candidates.start(), candidates.end(), name(), 0.6));
            }
        });
        return findings;
    }

    /**
     * Whether libphonenumber validates the candidate in one of the first {@code regionCount} configured regions.
     * A grouped candidate counts anyway, so validation only ranks it and the first regions suffice; a bare digit
     * run counts only when valid, so it is tried against every region.
     */
    private boolean valid(String candidate, int regionCount) {
        if (candidate.startsWith("+")) {
            // The country code decides; trying every configured region would parse the same number again.
            return validIn(candidate, "ZZ");
        }
        for (String region : regions.subList(0, Math.min(regionCount, regions.size()))) {
            if (validIn(candidate, region)) {
                return true;
            }
        }
        return false;
    }

    private boolean validIn(String candidate, String region) {
        try {
            PhoneNumber number = util.parse(candidate, region);
            // The length check is cheap and necessary; full validation walks every region of the country code.
            return util.isPossibleNumber(number) && util.isValidNumber(number);
        } catch (NumberParseException e) {
            // Not a number in this region's format; the next region or the shape rule may still accept it.
            return false;
        }
    }

    /** Digits of an extension ("ext. 204", "x12"), which do not count towards the number's length. */
    private static int extensionDigits(String candidate) {
        Matcher extension = EXTENSION.matcher(candidate);
        return extension.find() ? countDigits(extension.group()) : 0;
    }

    /** Digit groups, a leading + or an area code in brackets: written like a phone number. */
    private static boolean grouped(String candidate) {
        return candidate.indexOf(' ') > 0 || candidate.indexOf('-') > 0 || candidate.indexOf('.') > 0
                || candidate.indexOf('/') > 0
                || candidate.indexOf('(') >= 0 || candidate.startsWith("+");
    }

    private static int countDigits(CharSequence text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits;
    }
}
