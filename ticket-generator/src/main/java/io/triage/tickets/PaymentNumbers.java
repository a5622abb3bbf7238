package io.triage.tickets;

import java.math.BigInteger;
import java.util.List;

/** Card numbers with a valid Luhn digit and IBANs with valid mod-97 check digits, formatted as people type them. */
final class PaymentNumbers {

    /** Issuer prefix and total length: Visa, Mastercard (both ranges), Amex, Discover. */
    private record CardScheme(String prefix, int length) {
    }

    private static final List<CardScheme> SCHEMES = List.of(new CardScheme("4", 16), new CardScheme("4", 16),
            new CardScheme("51", 16), new CardScheme("53", 16), new CardScheme("55", 16), new CardScheme("2221", 16),
            new CardScheme("34", 15), new CardScheme("37", 15), new CardScheme("6011", 16));

    /** Country, then the BBAN layout: 'n' digit, 'a' upper-case letter, 'c' digit or letter. */
    private record IbanCountry(String code, String layout) {
    }

    private static final List<IbanCountry> IBAN_COUNTRIES = List.of(new IbanCountry("GB", "aaaannnnnnnnnnnnnn"),
            new IbanCountry("DE", "nnnnnnnnnnnnnnnnnn"), new IbanCountry("FR", "nnnnnnnnnnccccccccccc" + "nn"),
            new IbanCountry("ES", "nnnnnnnnnnnnnnnnnnnn"), new IbanCountry("NL", "aaaannnnnnnnnn"),
            new IbanCountry("IE", "aaaannnnnnnnnnnnnn"), new IbanCountry("PL", "nnnnnnnnnnnnnnnnnnnnnnnn"),
            new IbanCountry("IT", "annnnnnnnnnccccccccccccc"));

    private PaymentNumbers() {
    }

    static String cardNumber(Dice dice) {
        CardScheme scheme = dice.pick(SCHEMES);
        String body = scheme.prefix() + dice.digits(scheme.length() - scheme.prefix().length() - 1);
        String digits = body + luhnCheckDigit(body);
        return switch (dice.below(4)) {
            case 0 -> digits;
            case 1 -> groupCard(digits, '-');
            default -> groupCard(digits, ' ');
        };
    }

    static String iban(Dice dice) {
        IbanCountry country = dice.pick(IBAN_COUNTRIES);
        StringBuilder bban = new StringBuilder();
        for (char slot : country.layout().toCharArray()) {
            bban.append(switch (slot) {
                case 'n' -> (char) ('0' + dice.below(10));
                case 'a' -> (char) ('A' + dice.below(26));
                default -> dice.pick("0123456789ABCDEFGHJKLMNPRSTUVWXYZ");
            });
        }
        String compact = country.code() + ibanCheckDigits(country.code(), bban.toString()) + bban;
        return dice.chance(0.65) ? groupInFours(compact) : compact;
    }

    static int luhnCheckDigit(String digitsWithoutCheck) {
        int sum = 0;
        boolean doubled = true;
        for (int i = digitsWithoutCheck.length() - 1; i >= 0; i--) {
            int digit = digitsWithoutCheck.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    static String ibanCheckDigits(String countryCode, String bban) {
        String rearranged = bban + countryCode + "00";
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return check < 10 ? "0" + check : String.valueOf(check);
    }

    private static String groupCard(String digits, char separator) {
        if (digits.length() == 15) {
            return digits.substring(0, 4) + separator + digits.substring(4, 10) + separator + digits.substring(10);
        }
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 4) {
            if (i > 0) {
                grouped.append(separator);
            }
            grouped.append(digits, i, Math.min(i + 4, digits.length()));
        }
        return grouped.toString();
    }

    private static String groupInFours(String compact) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < compact.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(compact, i, Math.min(i + 4, compact.length()));
        }
        return grouped.toString();
    }
}
