package io.triage.pii.detect;

/** The Luhn (mod 10) check used by payment card numbers. */
final class Luhn {

    private Luhn() {
    }

    /** Whether the digits (other characters ignored) pass the Luhn check. */
    static boolean valid(String text) {
        int sum = 0;
        boolean doubled = false;
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int digit = c - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
