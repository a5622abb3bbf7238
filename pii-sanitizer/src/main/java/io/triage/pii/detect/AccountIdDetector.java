package io.triage.pii.detect;

import io.triage.pii.Detector;
import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Account, customer and order identifiers: any token with a digit that follows a context word ("account", "acct",
 * "customer number", "order", "username", and their German, Spanish and French counterparts), plus identifier shapes
 * that match anywhere: the built-in {@link #DEFAULT_PATTERN} and deployment-specific patterns.
 */
public final class AccountIdDetector implements Detector {

    /** Context words; doubled or dropped letters are tolerated because customers type fast ("acount", "numbber"). */
    private static final Pattern IN_CONTEXT = Pattern.compile("(?i)\\b(?:ac{1,2}o{0,2}u{0,2}n{0,2}t|a/c"
            + "|o{1,2}r{1,2}d{1,2}e{1,2}r|reference|ref|us{1,2}e{1,2}r{1,2}\\s?n{1,2}a{1,2}m{1,2}e"
            + "|login\\s{1,3}name|login|user\\s{1,3}id|benutzername|identifiant|usuario|kundenkonto|kundennummer|kontonummer|konto|bestellung"
            + "|bestellnummer|cuenta|pedido|compte|co{1,2}m{1,2}ande"
            + "|num[ée]ro\\s{1,3}(?:de\\s{1,3})?(?:cliente?|cuenta|compte|commande)"
            + "|(?:cu{1,2}s{1,2}t{1,2}o{1,2}m{1,2}e{1,2}r|client|member|membership|policy|contract|subscriber|loyalty"
            + "|booking)\\s{1,3}(?:n{1,2}u{1,2}m{1,2}b{1,2}e{1,2}r|no|num|nr|id|ref|reference))\\b\\.?"
            + "(?:\\s{0,3}(?:(?:n{1,2}u{1,2}m{1,2}b{1,2}e{1,2}r|no\\.?|num|nr|id|is|was|ist|es|est|ending\\s{1,3}in)"
            + "(?![A-Za-z0-9])|:|#))"
            + "{0,3}[\\s:#]{0,4}"
            + "(\\d{2,6}(?: \\d{2,6}){2,3}|[A-Za-z0-9](?:[A-Za-z0-9\\-/_]|\\.(?=[A-Za-z0-9])){2,29})"
            + "(?![A-Za-z0-9\\-_@])");

    /** A user handle (letters then digits, "cyhd87") a few words after "account" in the same sentence. */
    private static final Pattern HANDLE_NEAR_ACCOUNT = Pattern.compile(
            "(?i)\\baccounts?\\b[^.?!\\n]{0,40}?(?<![\\w@.\\-])([a-z]{2,8}\\d{2,4})(?![\\w@\\-]|\\.\\w)");

    /**
     * An identifier of capital letters only ("member ID: AXRTAO") right after an identifier noun; only in text that
     * is not all capitals, where such a word could be anything.
     */
    private static final Pattern LETTERS_AFTER_ID_NOUN = Pattern.compile("(?i:\\b(?:member(?:ship)?|customer|client"
            + "|policy|account|user|contract)\\s{1,3}(?:id|number|no\\.?|nr|ref)\\b\\.?(?:\\s{1,3}(?:is|was))?)"
            + "[\\s:#]{0,4}([A-Z]{5,12})(?![\\w\\-])");
    private static final Set<String> NOT_IDENTIFIERS = Set.of("NONE", "UNKNOWN", "PENDING", "MISSING", "INVALID",
            "BLOCKED", "LOCKED", "CLOSED", "ACTIVE", "WRONG", "CHANGED", "PLEASE", "URGENT", "ABOVE", "BELOW");

    /**
     * Built-in identifier shapes that are safe to match anywhere: a short upper-case prefix such as ACC, AC, ORD,
     * CUST or INV, optionally two more letters, then at least four digits.
     */
    public static final String DEFAULT_PATTERN =
            "(?<![\\w\\-])(?:ACC|AC|ORD|CUST|CUS|INV|REF)-?[A-Z]{0,3}\\d{4,12}(?:-\\d{2,6})?(?![\\w\\-])";

    /** Above a phone reading (0.9), below the built-in shapes, national ids, cards and IBANs. */
    private static final double CONFIDENT = 0.91;

    private final List<PatternDetector> parts = new ArrayList<>();
    private final int builtInParts;
    private final PatternDetector lettersOnly;

    /**
     * @param extraPatterns deployment-specific identifier patterns (Java regex); each must be linear-time, i.e.
     *                      bounded quantifiers and no nested repetition
     */
    public AccountIdDetector(List<String> extraPatterns) {
        // The first letters of every context word and built-in prefix: the patterns are tried only there.
        parts.add(new PatternDetector(name(), PiiType.ACCOUNT_ID, IN_CONTEXT, 1, 0.8,
                AccountIdDetector::looksLikeIdentifier, MatchStart.wordStartingWithAnyOf("ac", "a/", "or", "oo", "re",
                        "us", "lo", "be", "id", "ku", "ko", "cu", "pe", "co", "nu", "cl", "me", "po", "su", "bo")));
        parts.add(new PatternDetector(name(), PiiType.ACCOUNT_ID, HANDLE_NEAR_ACCOUNT, 1, 0.7, id -> true,
                MatchStart.wordStartingWithAnyOf("ac")));
        parts.add(new PatternDetector(name(), PiiType.ACCOUNT_ID, Pattern.compile(DEFAULT_PATTERN), 0, 0.92,
                id -> true, (text, index) -> "AOCIR".indexOf(text.charAt(index)) >= 0
                        && !(index > 0 && MatchStart.isAsciiLetterOrDigit(text.charAt(index - 1)))));
        lettersOnly = new PatternDetector(name(), PiiType.ACCOUNT_ID, LETTERS_AFTER_ID_NOUN, 1, 0.75,
                id -> !NOT_IDENTIFIERS.contains(id), MatchStart.wordStartingWithAnyOf("me", "cu", "cl", "po", "ac", "us",
                "co"));
        builtInParts = parts.size();
        for (String extra : extraPatterns) {
            parts.add(new PatternDetector(name(), PiiType.ACCOUNT_ID, Pattern.compile(extra), 0, 0.92, id -> true));
        }
    }

    @Override
    public String name() {
        return "account-id";
    }

    @Override
    public List<Finding> detect(String text) {
        List<Finding> findings = new ArrayList<>();
        // Every built-in identifier holds a digit; deployment patterns may not.
        List<PatternDetector> toRun = MatchStart.countDigits(text) > 0 ? parts : parts.subList(builtInParts,
                parts.size());
        for (PatternDetector part : toRun) {
            findings.addAll(part == parts.getFirst() ? strengthened(text, part.detect(text)) : part.detect(text));
        }
        if (hasLowerCase(text)) {
            findings.addAll(lettersOnly.detect(text));
        }
        return findings;
    }

    /**
     * An identifier after a context word takes a "#" typed right before it ("Booking ref: #4353139"), and when it
     * has such a hash, a letter or a slash it is no phone number, so it outranks a phone-shaped reading of its
     * digits ("SUB/2019/15642"); a bare digit run keeps the lower score, so a phone number after "account" stays
     * a phone number whole.
     */
    private static List<Finding> strengthened(String text, List<Finding> found) {
        List<Finding> out = new ArrayList<>(found.size());
        for (Finding finding : found) {
            int start = finding.start();
            boolean hash = start > 0 && text.charAt(start - 1) == '#'
                    && (start == 1 || !MatchStart.isAsciiLetterOrDigit(text.charAt(start - 2)));
            String value = text.substring(start, finding.end());
            boolean notPhone = hash || value.indexOf('/') >= 0 || value.chars().anyMatch(Character::isLetter);
            out.add(notPhone ? Finding.of(finding.type(), hash ? start - 1 : start, finding.end(), finding.detector(),
                    CONFIDENT) : finding);
        }
        return out;
    }

    private static boolean hasLowerCase(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Digit groups with at least eight digits, or at least four characters with a digit; short counts such as
     * "order 15" stay. A handle with a dot
     * ("kat.6575") needs a letter, so an amount ("order 1234.56") is no identifier.
     */
    private static boolean looksLikeIdentifier(String token) {
        if (token.indexOf(' ') >= 0) {
            // Digit groups ("0091 2334 11") need as many digits as an account number.
            return token.chars().filter(Character::isDigit).count() >= 8;
        }
        long digits = token.chars().filter(Character::isDigit).count();
        boolean letters = token.chars().anyMatch(Character::isLetter);
        return token.length() >= 4 && digits > 0 && (letters || digits >= 4 && token.indexOf('.') < 0);
    }
}
