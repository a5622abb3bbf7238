package io.triage.tickets;

import java.text.Normalizer;
import java.util.Locale;

/** E-mail addresses, phone numbers and IP addresses in the formats customers actually write. */
final class ContactDetails {

    private ContactDetails() {
    }

    static String email(Dice dice, String givenName, String surname) {
        String given = asciiLetters(givenName);
        String family = asciiLetters(surname);
        String local = switch (dice.below(6)) {
            case 0 -> given + "." + family;
            case 1 -> given.charAt(0) + family;
            case 2 -> given + family + dice.between(1, 99);
            case 3 -> given + "_" + family.charAt(0) + dice.between(70, 2005);
            case 4 -> family + "." + given.charAt(0);
            default -> given + dice.digits(3);
        };
        return local + "@" + dice.pick(Gazetteer.EMAIL_DOMAINS);
    }

    static String phone(Dice dice) {
        return switch (dice.below(12)) {
            case 0 -> "+44 20 7946 0" + dice.digits(3);
            case 1 -> "0" + dice.pick("123") + dice.digits(1) + " " + dice.digits(3) + " " + dice.digits(4);
            case 2 -> "07" + dice.between(400, 999) + " " + dice.digits(6);
            case 3 -> "+44 7" + dice.digits(3) + " " + dice.digits(6);
            case 4 -> "(" + dice.between(201, 989) + ") " + dice.between(200, 999) + "-" + dice.digits(4);
            case 5 -> "+1 " + dice.between(201, 989) + "-" + dice.between(200, 999) + "-" + dice.digits(4);
            case 6 -> "+447" + dice.digits(9);
            case 7 -> "+49 30 " + dice.digits(8);
            case 8 -> "+91 9" + dice.digits(4) + " " + dice.digits(5);
            case 9 -> "+34 6" + dice.digits(2) + " " + dice.digits(3) + " " + dice.digits(3);
            case 10 -> "+33 6 " + dice.digits(2) + " " + dice.digits(2) + " " + dice.digits(2) + " " + dice.digits(2);
            default -> dice.chance(0.5) ? "+234 80" + dice.digits(1) + " " + dice.digits(3) + " " + dice.digits(4)
                    : "+48 5" + dice.digits(2) + " " + dice.digits(3) + " " + dice.digits(3);
        };
    }

    static String ipAddress(Dice dice) {
        return switch (dice.below(10)) {
            case 0 -> "2001:db8:" + hex(dice) + ":" + hex(dice) + "::" + hex(dice);
            case 1 -> "2a02:c7f:" + hex(dice) + ":" + hex(dice) + ":" + hex(dice) + ":" + hex(dice) + ":" + hex(dice)
                    + ":" + hex(dice);
            case 2, 3 -> "192.168." + dice.below(256) + "." + dice.between(1, 254);
            case 4 -> "10." + dice.below(256) + "." + dice.below(256) + "." + dice.between(1, 254);
            default -> dice.between(11, 223) + "." + dice.below(256) + "." + dice.below(256) + "." + dice.between(1, 254);
        };
    }

    /** Lower-case ASCII letters of a name, as mailbox names usually are ("Łukasz Wiśniewski" → lukasz, wisniewski). */
    static String asciiLetters(String name) {
        String folded = name.toLowerCase(Locale.ROOT).replace("ł", "l").replace("ß", "ss").replace("ø", "o");
        String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFD);
        StringBuilder letters = new StringBuilder();
        for (char c : decomposed.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
            }
        }
        return letters.isEmpty() ? "customer" : letters.toString();
    }

    private static String hex(Dice dice) {
        return Integer.toHexString(dice.between(1, 0xffff));
    }
}
