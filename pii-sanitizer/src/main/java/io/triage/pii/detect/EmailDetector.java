package io.triage.pii.detect;

import io.triage.pii.PiiType;
import java.util.regex.Pattern;

/** E-mail addresses: local part, {@code @}, and a dotted host name ending in a letter label. */
public final class EmailDetector extends PatternDetector {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.%+\\-])[\\w.%+\\-]{1,64}@[A-Za-z0-9][A-Za-z0-9\\-]{0,62}(?:\\.[A-Za-z0-9\\-]{1,63}){1,8}");

    public EmailDetector() {
        super("email", PiiType.EMAIL, EMAIL, 0, 0.99, EmailDetector::hasLetterTopLevelDomain);
    }

    private static boolean hasLetterTopLevelDomain(String email) {
        String tld = email.substring(email.lastIndexOf('.') + 1);
        return tld.length() >= 2 && tld.chars().allMatch(Character::isLetter);
    }
}
