package io.triage.pii.detect;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.triage.pii.Detector;
import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Telephone numbers. libphonenumber finds international numbers and national numbers of the configured regions;
 * a digit-group shape rule (7 to 15 digits in at least two groups) catches national formats of other countries,
 * with a lower score so validated kinds such as card numbers win overlaps.
 */
public final class PhoneDetector implements Detector {

    private static final Pattern SHAPE = Pattern.compile("(?<![\\w+\\-.])\\+\\d{7,15}(?![\\w\\-])|(?<![\\w+\\-.])(?:\\+\\d{1,3}[ .\\-]?)?(?:\\(\\d{1,5}\\)[ .\\-]?)?"
            + "\\d{1,5}(?:[ .\\-]\\d{1,8}){0,5}(?:\\s?(?:x|ext\\.?)\\s?\\d{1,5})?(?!\\w|[\\-.]\\d)");
    private static final Pattern DATE_LIKE =
            Pattern.compile("\\d{4}[\\-/.]\\d{1,2}[\\-/.]\\d{1,2}|\\d{1,2}[\\-/.]\\d{1,2}[\\-/.]\\d{2,4}");
    private static final int MIN_DIGITS_FOR_LOOKUP = 7;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final List<String> regions;
    private final PatternDetector shape =
            new PatternDetector("phone", PiiType.PHONE, SHAPE, 0, 0.6, PhoneDetector::phoneShaped);

    /** @param regions ISO 3166 regions whose national formats libphonenumber should recognise, e.g. US, GB */
    public PhoneDetector(List<String> regions) {
        this.regions = List.copyOf(regions);
    }

    @Override
    public String name() {
        return "phone";
    }

    @Override
    public List<Finding> detect(String text) {
        if (countDigits(text) < MIN_DIGITS_FOR_LOOKUP) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>(shape.detect(text));
        for (String region : regions) {
            for (PhoneNumberMatch match : util.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                findings.add(Finding.of(PiiType.PHONE, match.start(), match.end(), name(), 0.9));
            }
        }
        return findings;
    }

    private static boolean phoneShaped(String candidate) {
        int digits = countDigits(candidate);
        boolean grouped = candidate.indexOf(' ') > 0 || candidate.indexOf('-') > 0 || candidate.indexOf('(') >= 0
                || candidate.startsWith("+");
        boolean dotted = candidate.indexOf('.') > 0;
        return digits >= MIN_DIGITS_FOR_LOOKUP && digits <= 15 && (grouped || dotted)
                && !DATE_LIKE.matcher(candidate).matches();
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
