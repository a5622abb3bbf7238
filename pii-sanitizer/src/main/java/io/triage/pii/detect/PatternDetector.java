package io.triage.pii.detect;

import io.triage.pii.Detector;
import io.triage.pii.Finding;
import io.triage.pii.PiiType;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * @param group     the capturing group holding the value (0 for the whole match)
     * @param validator accepts the value text (e.g. a checksum); rejected matches are skipped
     */
    public PatternDetector(String name, PiiType type, Pattern pattern, int group, double score,
                           Predicate<String> validator) {
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
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            int start = matcher.start(group);
            int end = matcher.end(group);
            if (start >= 0 && end > start && validator.test(text.substring(start, end))) {
                findings.add(Finding.of(type, start, end, name, score));
            }
        }
        return findings;
    }
}
