package io.triage.pii.names;

import io.triage.pii.Detector;
import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PERSON, ORG and LOCATION by rules: runs of capitalised words are looked up in the name lists (longest place or
 * organisation first), organisation and street suffixes mark companies and addresses, and titles or cues
 * ("my name is", "Dear", "Regards", a speaker label) mark people. Capitalised words that are in no list are still
 * taken as people, with a low score, because a missed name leaks personal data while an extra placeholder only
 * costs a little context.
 */
public final class NameRuleDetector implements Detector {

    private static final int MAX_RUN = 5;
    private static final int MAX_PLACE_WORDS = 4;
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr", "mx", "sir", "prof", "mister");
    private static final Set<String> ORG_SUFFIXES = Set.of("inc", "ltd", "llc", "corp", "corporation", "company",
            "co", "group", "bank", "plc", "gmbh", "ag", "systems", "technologies", "technology", "solutions", "labs",
            "foundation", "institute", "university", "partners", "holdings", "insurance", "airlines", "energy",
            "transit", "media", "networks", "software", "consulting", "associates", "agency", "trust", "society",
            "council", "ministry", "club", "orchestra", "enterprises", "industries", "international", "limited",
            "interiors", "solicitors", "design", "studio", "bakery", "logistics", "tech", "consultants", "services",
            "kk", "sarl", "sas", "sl", "sa", "bv", "nv", "ab", "oy", "kg", "srl", "spa", "pty", "llp");
    private static final Set<String> STREET_SUFFIXES = Set.of("street", "st", "road", "rd", "avenue", "ave", "lane",
            "ln", "drive", "dr", "boulevard", "blvd", "way", "court", "ct", "place", "square", "terrace", "crescent",
            "close", "gardens", "hill", "park", "strasse", "straße", "rua", "calle", "via");
    private static final Set<String> ONE_WORD_CUES = Set.of("called", "named", "dear", "regards", "sincerely",
            "thanks", "cheers", "hi", "hello", "signed", "agent", "says", "said", "starring", "by", "assistant", "i'm",
            "caller", "wishes", "partner", "husband", "wife", "son", "daughter", "mother", "father");
    private static final Set<String> TWO_WORD_CUES = Set.of("name is", "name was", "i am", "this is", "spoke to",
            "spoke with", "speak to", "speak with", "talk to", "talked to", "ask for", "asked for", "call me",
            "calls me", "named him", "named her", "up with", "from mr", "to mr");

    private static final Set<String> SUBJECT_VERBS = Set.of("is", "was", "has", "had", "lives", "lived", "said",
            "says", "spent", "began", "shouted", "called", "wants", "wanted", "asked", "told", "works", "worked",
            "will", "can", "and", "went", "moved", "paid", "sent", "needs");

    private final NameLists lists;

    public NameRuleDetector(NameLists lists) {
        this.lists = lists;
    }

    @Override
    public String name() {
        return "name-rules";
    }

    @Override
    public List<Finding> detect(String text) {
        List<Token> tokens = Token.words(text);
        TextCase textCase = TextCase.of(text);
        List<Finding> findings = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            if (!token.capitalised() || textCase == TextCase.UPPER && !isName(token)) {
                i = lowerCaseName(text, tokens, i, textCase, findings);
                continue;
            }
            int end = runEnd(text, tokens, i);
            classifyRun(text, tokens, i, end, textCase, findings);
            i = end;
        }
        return findings;
    }

    /** Lower-case names count only after a cue, or as given name plus surname in a text typed all in lower case. */
    private int lowerCaseName(String text, List<Token> tokens, int i, TextCase textCase, List<Finding> findings) {
        Token token = tokens.get(i);
        if (!isGiven(token) && !(textCase == TextCase.LOWER && isSurname(token))) {
            return i + 1;
        }
        if (textCase == TextCase.LOWER) {
            int end = i + 1;
            while (end < tokens.size() && end - i < 3 && adjacent(text, tokens.get(end - 1), tokens.get(end))
                    && (isName(tokens.get(end)) || lists.surnames().contains(tokens.get(end).key())
                    || tokens.get(end).key().length() == 1)) {
                end++;
            }
            if (end - i >= 2 && lists.surnames().contains(tokens.get(end - 1).key())) {
                findings.add(finding(PiiType.PERSON, token, tokens.get(end - 1), 0.5));
                return end;
            }
        }
        if (cueBefore(text, tokens, i) || speakerLabel(text, token)) {
            findings.add(finding(PiiType.PERSON, token, token, 0.7));
        }
        return i + 1;
    }

    private void classifyRun(String text, List<Token> tokens, int from, int end, TextCase textCase,
                             List<Finding> findings) {
        int start = from;
        while (start < end && lists.commonWords().contains(tokens.get(start).key())
                && !TITLES.contains(tokens.get(start).key())) {
            start++;
        }
        if (start >= end) {
            return;
        }
        String lastKey = tokens.get(end - 1).key();
        if (end - start >= 3 && tokens.get(end - 1).initial() && tokens.get(end - 2).initial()) {
            lastKey = tokens.get(end - 2).key() + lastKey;
        }
        if (end - start >= 2 && ORG_SUFFIXES.contains(lastKey)) {
            findings.add(finding(PiiType.ORG, tokens.get(start), tokens.get(end - 1), 0.75));
            return;
        }
        if (end - start >= 2 && STREET_SUFFIXES.contains(lastKey) || STREET_SUFFIXES.contains(tokens.get(start).key())
                && end - start >= 2 && !TITLES.contains(tokens.get(start).key())) {
            findings.add(finding(PiiType.LOCATION, tokens.get(start), tokens.get(end - 1), 0.7));
            return;
        }
        int personStart = start;
        int j = start;
        while (j < end) {
            int matched = placeOrOrganisation(text, tokens, j, end, end - start > 1, findings);
            if (matched > 0) {
                person(text, tokens, personStart, j, textCase, findings);
                j += matched;
                personStart = j;
            } else {
                j++;
            }
        }
        person(text, tokens, personStart, end, textCase, findings);
    }

    private int placeOrOrganisation(String text, List<Token> tokens, int from, int end, boolean inRun,
                                    List<Finding> findings) {
        for (int length = Math.min(MAX_PLACE_WORDS, end - from); length >= 1; length--) {
            Token first = tokens.get(from);
            Token last = tokens.get(from + length - 1);
            String key = NameLists.key(text.substring(first.start(), last.end()));
            if (length == 1 && (lists.commonWords().contains(key) || inRun && isGiven(first))) {
                continue;
            }
            if (lists.organisations().contains(key)) {
                findings.add(finding(PiiType.ORG, first, last, 0.72));
                return length;
            }
            if (lists.places().contains(key)) {
                findings.add(finding(PiiType.LOCATION, first, last, 0.7));
                return length;
            }
        }
        return 0;
    }

    private void person(String text, List<Token> tokens, int from, int end, TextCase textCase,
                        List<Finding> findings) {
        if (end <= from) {
            return;
        }
        boolean cue = cueBefore(text, tokens, from);
        if (cue && end - from == 1 && lists.givenNames().contains(tokens.get(from).key())) {
            findings.add(finding(PiiType.PERSON, tokens.get(from), tokens.get(from), 0.8));
            return;
        }
        while (from < end
                && (lists.commonWords().contains(tokens.get(from).key()) || shortCapitals(tokens.get(from)))) {
            cue |= TITLES.contains(tokens.get(from).key()) || ONE_WORD_CUES.contains(tokens.get(from).key());
            from++;
        }
        while (end > from && (lists.commonWords().contains(tokens.get(end - 1).key())
                && !lists.surnames().contains(tokens.get(end - 1).key()) || shortCapitals(tokens.get(end - 1)))) {
            end--;
        }
        if (end <= from) {
            return;
        }
        Token first = tokens.get(from);
        Token last = tokens.get(end - 1);
        List<Token> words = tokens.subList(from, end);
        boolean known = isGiven(first) || words.stream().allMatch(t -> isName(t) || t.initial()
                || lists.surnames().contains(t.key()));
        boolean plain = words.stream().noneMatch(t -> lists.commonWords().contains(t.key()));
        if (words.size() >= 2 && (known || cue)) {
            findings.add(finding(PiiType.PERSON, first, last, 0.75));
        } else if (words.size() >= 2 && plain && textCase == TextCase.MIXED) {
            findings.add(finding(PiiType.PERSON, first, last, 0.45));
        } else if (words.size() == 1 && (cue || speakerLabel(text, first))) {
            findings.add(finding(PiiType.PERSON, first, first, 0.8));
        } else if (words.size() == 1 && isGiven(first)) {
            findings.add(finding(PiiType.PERSON, first, first, 0.6));
        } else if (words.size() == 1 && textCase == TextCase.MIXED && first.key().length() > 2
                && (!sentenceStart(text, first.start()) || actsAsSubject(tokens, end))) {
            findings.add(finding(PiiType.PERSON, first, first, 0.4));
        }
    }

    /** A sentence-initial word followed by a typical verb of a person ("Irenka is", "Ley began") names someone. */
    private static boolean actsAsSubject(List<Token> tokens, int next) {
        return next < tokens.size() && SUBJECT_VERBS.contains(tokens.get(next).key());
    }

    /** All-capital words of up to four letters are mostly acronyms (ATM, PIN, DPO), not names. */
    private boolean shortCapitals(Token token) {
        return token.key().length() <= 4 && token.text().equals(token.text().toUpperCase(java.util.Locale.ROOT))
                && !isGiven(token);
    }

    /** End (exclusive) of the run of capitalised words starting at {@code from}, separated by single spaces. */
    private static int runEnd(String text, List<Token> tokens, int from) {
        int end = from + 1;
        while (end < tokens.size() && end - from < MAX_RUN && tokens.get(end).capitalised()
                && adjacent(text, tokens.get(end - 1), tokens.get(end))) {
            end++;
        }
        return end;
    }

    private static boolean adjacent(String text, Token left, Token right) {
        int gap = right.start() - left.end();
        return gap == 1 && text.charAt(left.end()) == ' ' || gap == 0 && left.text().endsWith(".")
                || gap == 3 && text.startsWith(" & ", left.end());
    }

    private boolean cueBefore(String text, List<Token> tokens, int index) {
        if (index == 0) {
            return false;
        }
        Token previous = tokens.get(index - 1);
        String between = text.substring(previous.end(), tokens.get(index).start());
        if (between.length() > 3) {
            return false;
        }
        if (ONE_WORD_CUES.contains(previous.key()) || TITLES.contains(previous.key())
                || previous.key().equals("name") && between.contains(":")) {
            return true;
        }
        return index >= 2 && TWO_WORD_CUES.contains(tokens.get(index - 2).key() + " " + previous.key());
    }

    /** A word alone at the start of a line and followed by a colon names the speaker in a transcript. */
    private boolean speakerLabel(String text, Token token) {
        int after = token.end();
        return after < text.length() && text.charAt(after) == ':' && lineStart(text, token.start())
                && !lists.commonWords().contains(token.key());
    }

    private static boolean lineStart(String text, int offset) {
        for (int i = offset - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c) && c != '>' && c != '-' && c != '*') {
                return false;
            }
        }
        return true;
    }

    private static boolean sentenceStart(String text, int offset) {
        for (int i = offset - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) || c == '\n') {
                return ".!?\n\":>(".indexOf(c) >= 0;
            }
        }
        return true;
    }

    private boolean isGiven(Token token) {
        return lists.givenNames().contains(token.key()) && !lists.commonWords().contains(token.key());
    }

    private boolean isSurname(Token token) {
        return lists.surnames().contains(token.key()) && !lists.commonWords().contains(token.key());
    }

    private boolean isName(Token token) {
        return isGiven(token) || isSurname(token);
    }

    private Finding finding(PiiType type, Token first, Token last, double score) {
        boolean keepPeriod = last.initial() || type == PiiType.ORG;
        int end = last.text().endsWith(".") && !keepPeriod ? last.end() - 1 : last.end();
        return Finding.of(type, first.start(), end, name(), score);
    }
}
