package io.triage.pii.names;

import io.triage.pii.Detector;
import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Wraps a name detector and drops its findings that are not personal data: public names (countries, currencies,
 * card networks, large platforms) always, and uncued person guesses made only of ordinary English words or acronyms
 * ("Something went wrong", "Pending", "Auto top-up", "ATMs"). A guess keeps its place when one of its words is a
 * listed name that is no dictionary word, or when it reads as given name plus surname ("Grace Young").
 */
public final class NameEvidenceFilter implements Detector {

    /** Findings at or above this score came with a cue (title, "my name is", a greeting) and are kept. */
    private static final double CUED = 0.7;
    private static final Pattern ACRONYM = Pattern.compile("[A-Z]{2,}(?:['\u2019]?s)?");

    private final Detector delegate;
    private final NameLists lists;

    /**
     * @param delegate the name detector whose findings are filtered
     * @param lists    the word and name lists that decide what is ordinary
     */
    public NameEvidenceFilter(Detector delegate, NameLists lists) {
        this.delegate = delegate;
        this.lists = lists;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public List<Finding> detect(String text) {
        return delegate.detect(text).stream().filter(finding -> personal(text, finding)).toList();
    }

    private boolean personal(String text, Finding finding) {
        if (finding.type().structured()) {
            return true;
        }
        String value = text.substring(finding.start(), finding.end());
        List<Token> tokens = Token.words(value);
        if (tokens.isEmpty() || lists.publicNames().contains(withoutPossessive(NameLists.key(value)))
                || tokens.stream().allMatch(this::publicName)) {
            return false;
        }
        boolean ordinaryWords = tokens.stream().allMatch(token -> ordinary(token) || publicName(token)
                || ACRONYM.matcher(token.text()).matches());
        if (finding.type() != PiiType.PERSON) {
            // A place or company the rules found in a list or by its suffix stays; the model's guesses made of
            // dictionary words ("ATM", "European bank") and lower-case common nouns do not.
            return !ordinaryWords || finding.score() >= CUED && !value.equals(NameLists.key(value));
        }
        if (tokens.stream().anyMatch(this::unambiguousName)) {
            return true;
        }
        if (finding.score() >= CUED) {
            // A cue ("Hi,", "by", "Dear") before a dictionary word is a greeting to "Team" or "ATMs", unless the word
            // is also a listed name ("Hi, Grace"). In text typed all in capitals a long capitalised word is no
            // acronym ("MANY THANKS\nMYKOLA").
            boolean capitalsOnly = text.chars().noneMatch(Character::isLowerCase);
            boolean ordinaryOrAcronyms = tokens.stream().allMatch(token -> ordinary(token) || publicName(token)
                    || ACRONYM.matcher(token.text()).matches() && !(capitalsOnly && token.key().length() > 4));
            return !ordinaryOrAcronyms || tokens.stream().anyMatch(this::listedName);
        }
        if (tokens.size() >= 2 && lists.givenNames().contains(tokens.getFirst().key())
                && lists.surnames().contains(tokens.getLast().key())) {
            return true;
        }
        return !ordinaryWords;
    }

    private boolean listedName(Token token) {
        return lists.givenNames().contains(token.key()) || lists.surnames().contains(token.key());
    }

    /** A listed given name or surname that is not also an ordinary word. */
    private boolean unambiguousName(Token token) {
        String key = token.key();
        return (lists.givenNames().contains(key) || lists.surnames().contains(key)) && !ordinary(token)
                && !publicName(token);
    }

    /** A dictionary word, its plural, or a hyphenated compound of such words ("Top-up", "US-issued"). */
    private boolean ordinary(Token token) {
        for (String part : withoutPossessive(token.key()).split("-")) {
            if (!ordinaryWord(part) && !lists.publicNames().contains(part)) {
                return false;
            }
        }
        return true;
    }

    private boolean ordinaryWord(String key) {
        return lists.englishWords().contains(key) || lists.commonWords().contains(key)
                || key.endsWith("s") && lists.englishWords().contains(key.substring(0, key.length() - 1));
    }

    private boolean publicName(Token token) {
        String key = withoutPossessive(token.key());
        return lists.publicNames().contains(key)
                || key.endsWith("s") && lists.publicNames().contains(key.substring(0, key.length() - 1));
    }

    private static String withoutPossessive(String key) {
        return key.endsWith("'s") || key.endsWith("\u2019s") ? key.substring(0, key.length() - 2) : key;
    }
}
