package io.triage.pii.detect;

import io.triage.pii.PiiType;
import java.util.regex.Pattern;

/**
 * Dates of birth: a date only counts when a birth context ("born", "date of birth", "DOB", "birthday") precedes it
 * closely; other dates are not personal data on their own.
 */
public final class DateOfBirthDetector extends PatternDetector {

    private static final String MONTH =
            "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\\.?";
    private static final String DATE = "("
            + "\\d{1,2}[/.\\-]\\d{1,2}[/.\\-]\\d{2,4}"
            + "|\\d{4}[/.\\-]\\d{1,2}[/.\\-]\\d{1,2}"
            + "|\\d{1,2}(?:st|nd|rd|th)?\\s{1,3}(?:of\\s{1,3})?" + MONTH + ",?\\s{1,3}\\d{4}"
            + "|" + MONTH + "\\s{1,3}\\d{1,2}(?:st|nd|rd|th)?,?\\s{1,3}\\d{4})";
    private static final Pattern DATE_OF_BIRTH = Pattern.compile("(?i)\\b(?:born|date\\s{1,3}of\\s{1,3}birth"
            + "|d\\.?o\\.?b|birth\\s{0,3}date|birthday)\\b\\.?[\\s:,\\-]{0,5}(?:is\\s{1,3}|was\\s{1,3}|on\\s{1,3})?"
            + DATE + "(?!\\w)");

    public DateOfBirthDetector() {
        super("date-of-birth", PiiType.DATE_OF_BIRTH, DATE_OF_BIRTH, 1, 0.9, date -> true);
    }
}
