package io.triage.tickets;

import java.util.List;
import java.util.Locale;

/** Account ids, national identifiers and dates of birth in several common notations. */
final class PersonalIdentifiers {

    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");

    /** First letters of a National Insurance number prefix that HMRC never issues are left out. */
    private static final String NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ";
    private static final String NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ";
    private static final List<String> NINO_NEVER_ISSUED = List.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ");

    private PersonalIdentifiers() {
    }

    /** An account reference in the customer's main pattern, e.g. ACC-4821-7731. */
    static String accountReference(Dice dice) {
        return switch (dice.below(3)) {
            case 0 -> "ACC-" + dice.digits(4) + "-" + dice.digits(4);
            case 1 -> "ACC" + dice.digits(8);
            default -> "AC-" + dice.letters(2) + dice.digits(6);
        };
    }

    /** A short user-chosen account handle, as written after the word "account" (abc123). */
    static String accountHandle(Dice dice) {
        StringBuilder handle = new StringBuilder();
        int letters = dice.between(3, 6);
        for (int i = 0; i < letters; i++) {
            handle.append((char) ('a' + dice.below(26)));
        }
        return handle + dice.digits(dice.between(2, 4));
    }

    /** A numeric customer number with leading zeros (00123456). */
    static String customerNumber(Dice dice) {
        return "00" + dice.between(1, 9) + dice.digits(5);
    }

    /** An order reference as written after "order #" (A-99812). */
    static String orderReference(Dice dice) {
        return dice.chance(0.6) ? dice.letters(1) + "-" + dice.between(10000, 99999) : "ORD" + dice.digits(7);
    }

    static String usSocialSecurityNumber(Dice dice) {
        int area = dice.between(1, 899);
        if (area == 666) {
            area = 665;
        }
        String number = String.format(Locale.ROOT, "%03d-%02d-%04d", area, dice.between(1, 99),
                dice.between(1, 9999));
        return dice.chance(0.85) ? number : number.replace('-', ' ');
    }

    static String ukNationalInsuranceNumber(Dice dice) {
        String prefix;
        do {
            prefix = "" + dice.pick(NINO_FIRST) + dice.pick(NINO_SECOND);
        } while (NINO_NEVER_ISSUED.contains(prefix));
        String digits = dice.digits(6);
        char suffix = dice.pick("ABCD");
        if (dice.chance(0.6)) {
            return prefix + " " + digits.substring(0, 2) + " " + digits.substring(2, 4) + " " + digits.substring(4)
                    + " " + suffix;
        }
        return prefix + digits + suffix;
    }

    static String dateOfBirth(Dice dice) {
        int year = dice.between(1941, 2006);
        int month = dice.between(1, 12);
        int day = dice.between(1, 28);
        return switch (dice.below(6)) {
            case 0 -> two(day) + "/" + two(month) + "/" + year;
            case 1 -> year + "-" + two(month) + "-" + two(day);
            case 2 -> day + " " + MONTHS.get(month - 1) + " " + year;
            case 3 -> MONTHS.get(month - 1) + " " + day + ", " + year;
            case 4 -> two(day) + "." + two(month) + "." + year;
            default -> two(month) + "/" + two(day) + "/" + year;
        };
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }
}
