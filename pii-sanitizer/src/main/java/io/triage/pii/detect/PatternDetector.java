package io.triage.pii.detect;

import io.triage.pii.Detector;
import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A detector made of one linear-time pattern and a validator for each match.
 * Patterns used here start with a negative look-behind on their own first character class and use only bounded
 * quantifiers, so a match attempt can only start at the beginning of a run and costs a bounded amount of work.
 */
public class PatternDetector implements Detector {

    private final String name;
    private final PiiType type;
    private final Pattern pattern;
    private final int group;
    private final double score;
    private final Predicate<String> validator;
    private final MatchStart start;

    /**
     * @param group     the capturing group holding the value (0 for the whole match)
     * @param validator accepts the value text (e.g. a checksum); rejected matches are skipped
     */
    public PatternDetector(String name, PiiType type, Pattern pattern, int group, double score,
                           Predicate<String> validator) {
        this(name, type, pattern, group, score, validator, MatchStart.ANYWHERE);
    }

    /**
     * @param start where a match can start; the pattern is tried only there (same findings, fewer attempts)
     */
    public PatternDetector(String name, PiiType type, Pattern pattern, int group, double score,
                           Predicate<String> validator, MatchStart start) {
        this.start = start;
        this.name = name;
        this.type = type;
        this.pattern = pattern;
        this.group = group;
        this.score = score;
        this.validator = validator;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Finding> detect(String text) {
        List<Finding> findings = new ArrayList<>();
        scan(pattern, text, start, matcher -> add(findings, text, matcher));
        return findings;
    }

    /**
     * Calls {@code onMatch} for every match of {@code pattern} in {@code text}, exactly as a {@code find()} loop
     * would, but lets the regex engine try a position only where {@code start} accepts it.
     */
    static void scan(Pattern pattern, String text, MatchStart start, Consumer<Matcher> onMatch) {
        Matcher matcher = pattern.matcher(text);
        if (start == MatchStart.ANYWHERE) {
            while (matcher.find()) {
                onMatch.accept(matcher);
            }
            return;
        }
        // Transparent, non-anchoring bounds: look-behinds see the text before the position, as with find().
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        int position = 0;
        while (position < text.length()) {
            if (start.test(text, position) && matcher.region(position, text.length()).lookingAt()) {
                onMatch.accept(matcher);
                position = Math.max(matcher.end(), position + 1);
            } else {
                position++;
            }
        }
    }

    private void add(List<Finding> findings, String text, Matcher matcher) {
        int from = matcher.start(group);
        int to = matcher.end(group);
        if (from >= 0 && to > from && validator.test(text.substring(from, to))) {
            findings.add(Finding.of(type, from, to, name, score));
        }
    }
}
