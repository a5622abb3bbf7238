package io.triage.pii.detect;

import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * E-mail addresses: local part, {@code @}, and a dotted host name ending in a letter label. Internationalised
 * addresses count too: Unicode letters in the local part and the domain ({@code anna@bücher.de}) and punycode
 * labels ({@code xn--bcher-kva.example}, top-level {@code xn--p1ai}).
 */
public final class EmailDetector extends PatternDetector {

    private static final String LABEL_CHAR = "[\\p{L}\\p{M}\\p{N}\\-]";
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{M}\\p{N}_.%+\\-])[\\p{L}\\p{M}\\p{N}_.%+\\-]{1,64}@[\\p{L}\\p{N}]" + LABEL_CHAR + "{0,62}"
                    + "(?:\\." + LABEL_CHAR + "{1,63}){1,8}");
    private static final Pattern PUNYCODE_TLD = Pattern.compile("xn--[a-z0-9\\-]{2,59}", Pattern.CASE_INSENSITIVE);

    public EmailDetector() {
        super("email", PiiType.EMAIL, EMAIL, 0, 0.99, EmailDetector::hasLetterTopLevelDomain);
    }

    @Override
    public List<Finding> detect(String text) {
        return text.indexOf('@') < 0 ? List.of() : super.detect(text);
    }

    private static boolean hasLetterTopLevelDomain(String email) {
        String tld = email.substring(email.lastIndexOf('.') + 1);
        return tld.length() >= 2 && (tld.chars().allMatch(Character::isLetter)
                || PUNYCODE_TLD.matcher(tld).matches());
    }
}
