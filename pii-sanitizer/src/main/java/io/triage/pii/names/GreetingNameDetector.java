package io.triage.pii.names;

import io.triage.pii.Detector;
import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People who name themselves in the places tickets and chats use for it, in any case: self-introductions
 * ("Hi, Grace here", "this is Tomasz from billing", "Priya speaking") and sign-offs ("Thanks, Priya",
 * "Kind regards,\nAnh"). The position is the evidence, so a name that is also a word ("Grace", "Will") counts here
 * while the capitalisation rules leave it alone; a word that is no listed name and is in the dictionary
 * ("Hi, everyone here", "thanks again") does not.
 */
public final class GreetingNameDetector implements Detector {

    private static final String WORD = "[\\p{L}][\\p{L}\\p{M}'\u2019\\-]{0,24}";
    /** Surname particles: "Sanne de Vries", "Ahmed El Sayed", "Ana dos Santos". */
    private static final String PARTICLE = "(?:de|van|von|der|den|da|di|dos|das|del|della|du|le|la|el|al|bin|ibn"
            + "|van[ \\t]der|van[ \\t]den|de[ \\t]la)[ \\t]";
    private static final String NAME = "(" + WORD + ")(?:[ \\t]{1,2}(" + "(?:" + PARTICLE + ")?" + WORD + "))?";
    private static final String OPENING = "(?:^|[.!?:\\n]|\\b(?:hi|hello|hey|hiya|morning|afternoon|evening|greetings"
            + "|hallo|bonjour|hola))[,!.:]?[ \\t]{0,3}";
    private static final Pattern GREETINGS = Pattern.compile("(?im)"
            + OPENING + "(?:it'?s[ \\t]{1,3})?" + NAME
            + "[ \\t]{1,3}(?:here|speaking|calling)\\b(?=[ \\t]*(?:[.,!;:\\-\u2013\u2014)]|$"
            + "|from\\b|again\\b|at\\b|with\\b))"
            + "|\\b(?:this[ \\t]{1,3}is|my[ \\t]{1,3}name[ \\t]{1,3}is|it'?s|it[ \\t]is)[ \\t]{1,3}" + NAME
            + "(?=[ \\t]*(?:from\\b|at\\b|with\\b|of\\b|speaking\\b|calling\\b|here\\b|and\\b|again\\b"
            + "|[.,!;:(]|$))"
            + "|(?:^|[.!?,\\n])[ \\t]*(?:thanks|thank[ \\t]you|many[ \\t]thanks|thanks[ \\t]again|cheers|regards"
            + "|signed|kind[ \\t]regards|best[ \\t]regards|best[ \\t]wishes|warm[ \\t]regards|best|sincerely"
            + "|yours[ \\t]sincerely|yours[ \\t]truly|yours|ta|thx|many[ \\t]thanks|gr[üu](?:ß|ss)e|gru(?:ß|ss)"
            + "|mit[ \\t]freundlichen[ \\t]gr[üu](?:ß|ss)en|cordialement|merci|saludos|gracias|groetjes|met[ \\t]"
            + "vriendelijke[ \\t]groet)[,!.]?[ \\t]*\\n?[ \\t]*(?:-{1,2}[ \\t]*)?" + NAME + "[ \\t]*[.!]?[ \\t]*$");
    /**
     * Relations, proxies, form fields and chat speakers: "my husband X Y cannot", "on behalf of X", "Full name: X Y",
     * "X Y on behalf of", "[11:02] X Y:". A pattern of its own, so that its matches do not hide an overlapping
     * greeting ("[09:14] Visitor: Reka here").
     */
    private static final Pattern CUES = Pattern.compile("(?im)"
            + "\\b(?:on[ \\t]behalf[ \\t]of[ \\t])?my[ \\t](?:husband|wife|partner|son|daughter|mother|father|brother"
            + "|sister|accountant|colleague),?[ \\t]{1,3}" + NAME
            + "|\\b(?:on[ \\t]behalf[ \\t]of|account[ \\t]holder|ask(?:[ \\t]for)?|spoke[ \\t](?:with|to)|tell"
            + "|(?<![\\p{L}\\-])(?:full[ \\t]|customer[ \\t]|caller[ \\t])?name:|caller:|from:),?[ \\t]{1,3}" + NAME
            + "(?=[ \\t]*(?:[.,!;:<(]|$|in\\b|about\\b|cannot\\b|can\\b|is\\b|was\\b|on\\b|and\\b"
            + "|again\\b|please\\b|that\\b))"
            + "|(?:^|[.!?\\n])[ \\t]*" + NAME + "(?=[ \\t]{1,3}on[ \\t]behalf[ \\t]of\\b)"
            + "|^[ \\t]*\\[\\d{1,2}:\\d{2}(?::\\d{2})?\\][ \\t]{1,3}" + NAME + ":");
    /** Every match of {@link #CUES} holds one of these (in lower case); a text without any skips the pattern. */
    private static final List<String> CUE_WORDS = List.of("husband", "wife", "partner", "son", "daughter", "mother",
            "father", "brother", "sister", "accountant", "colleague", "behalf", "holder", "ask", "spoke", "tell",
            "name:", "caller:", "from:", "[");

    private final NameLists lists;

    public GreetingNameDetector(NameLists lists) {
        this.lists = lists;
    }

    @Override
    public String name() {
        return "name-greetings";
    }

    @Override
    public List<Finding> detect(String text) {
        List<Finding> findings = new ArrayList<>();
        boolean singleCase = text.chars().noneMatch(Character::isUpperCase)
                || text.chars().noneMatch(Character::isLowerCase);
        for (Pattern pattern : mayHoldCues(text) ? List.of(GREETINGS, CUES) : List.of(GREETINGS)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                for (int group = 1; group <= matcher.groupCount(); group += 2) {
                    if (matcher.start(group) >= 0) {
                        // Outside greetings, a name in text that uses both cases is capitalised ("ask for top-up").
                        if (pattern == GREETINGS || singleCase
                                || Character.isUpperCase(matcher.group(group).codePointAt(0))) {
                            add(text, matcher, group, singleCase, findings);
                        }
                        break;
                    }
                }
            }
        }
        return findings;
    }

    private static boolean mayHoldCues(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String word : CUE_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private void add(String text, Matcher matcher, int group, boolean singleCase, List<Finding> findings) {
        String first = matcher.group(group);
        String second = matcher.group(group + 1);
        if (!nameLike(first)) {
            return;
        }
        int end = second != null && surnameLike(second, singleCase) ? matcher.end(group + 1) : matcher.end(group);
        findings.add(Finding.of(PiiType.PERSON, matcher.start(group), end, name(), 0.85));
    }

    /** A listed given name or surname, or a word that no dictionary knows. */
    private boolean nameLike(String word) {
        String key = NameLists.key(word);
        if (lists.publicNames().contains(key) || lists.commonWords().contains(key)
                && !lists.givenNames().contains(key)) {
            return false;
        }
        return lists.givenNames().contains(key) || lists.surnames().contains(key)
                || !lists.englishWords().contains(key) && !wordCompound(key);
    }

    /** "top-up", "follow-up": a hyphenated compound of dictionary words. */
    private boolean wordCompound(String key) {
        if (key.indexOf('-') < 0) {
            return false;
        }
        for (String part : key.split("-")) {
            if (!lists.englishWords().contains(part)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A second word (after any particle) is part of the name only when it looks like a surname rather than the next
     * word: a listed surname, or a capitalised word that is no public name ("Minh Do", "Thijs Smit"), or in text
     * typed in one case a word no dictionary knows ("reka kovács").
     */
    private boolean surnameLike(String words, boolean singleCase) {
        String word = words.substring(Math.max(words.lastIndexOf(' '), words.lastIndexOf('\t')) + 1);
        String key = NameLists.key(word);
        if (lists.publicNames().contains(key)) {
            return false;
        }
        boolean capitalised = Character.isUpperCase(word.codePointAt(0)) && !word.equals(word.toUpperCase(
                java.util.Locale.ROOT));
        // In text typed in one case the position is the evidence: a word no dictionary knows ("kovács") is the
        // surname, a word it knows ("again", "from") is the next word.
        boolean unknownWord = singleCase && !lists.englishWords().contains(key) && !lists.commonWords().contains(key);
        return capitalised || unknownWord || lists.surnames().contains(key) && !lists.commonWords().contains(key);
    }
}
