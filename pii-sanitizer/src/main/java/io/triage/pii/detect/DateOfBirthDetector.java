package io.triage.pii.detect;

import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Dates of birth: a date only counts when a birth context ("born", "date of birth", "DOB", "birthday") precedes it
 * closely (English, German, Spanish, French, tolerant of typos such as "dte of birth"); other dates are not
 * personal data on their own.
 */
public final class DateOfBirthDetector extends PatternDetector {

    private static final String MONTH =
            "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\\.?";
    private static final String DATE = "("
            + "\\d{1,2}[/.\\-]\\d{1,2}[/.\\-]\\d{2,4}"
            + "|\\d{4}[/.\\-]\\d{1,2}[/.\\-]\\d{1,2}"
            + "|\\d{1,2}(?:st|nd|rd|th)?\\s{1,3}(?:of\\s{1,3})?" + MONTH + ",?\\s{1,3}\\d{4}"
            + "|" + MONTH + "\\s{1,3}\\d{1,2}(?:st|nd|rd|th)?,?\\s{1,3}\\d{4})";
    private static final Pattern DATE_OF_BIRTH = Pattern.compile("(?i)\\b(?:born|d[a-z]{1,3}\\s{1,3}of\\s{1,3}birth"
            + "|d\\.?o\\.?b|birth\\s{0,3}date|birthday|geburtsdatum|geboren|fecha\\s{1,3}de\\s{1,3}nacimiento"
            + "|date\\s{1,3}de\\s{1,3}naissance|n[ée]e?\\s{1,3}le)\\b\\.?"
            + "(?:[\\s:,\\-]{0,3}(?:is|was|on|ist|am|es|el|est|le)\\b){0,3}[\\s:,\\-]{0,5}"
            + DATE + "(?!\\w)");

    public DateOfBirthDetector() {
        super("date-of-birth", PiiType.DATE_OF_BIRTH, DATE_OF_BIRTH, 1, 0.9, date -> true,
                MatchStart.wordStartingWith("bdgfn"));
    }

    /** The shortest date ("1/1/90") has four digits. */
    @Override
    public List<Finding> detect(String text) {
        return MatchStart.countDigits(text) < 4 ? List.of() : super.detect(text);
    }
}
