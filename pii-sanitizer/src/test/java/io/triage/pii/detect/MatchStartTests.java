package io.triage.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The start filter only skips positions: a scan finds exactly what {@code Matcher.find()} finds. */
class MatchStartTests {

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w\\-])\\d{3,6}(?![\\w\\-])");
    private static final Pattern KEYWORD_ID = Pattern.compile("(?i)\\b(?:order|ref)\\s#?(\\w{4,8})");

    @Test
    void digitRunScanFindsWhatFindFinds() {
        String text = "call 0123 or 456789, not a1234, 12-345 or 9999999; 777 at the end 42";

        assertThat(scanned(NUMBER, text, MatchStart.DIGIT_RUN)).isEqualTo(found(NUMBER, text))
                .containsExactly("0123", "456789", "777");
    }

    @Test
    void lookBehindSeesTheTextBeforeTheStartPosition() {
        assertThat(scanned(NUMBER, "x-1234 y1234", MatchStart.DIGIT_RUN)).isEmpty();
    }

    @Test
    void keywordScanFindsWhatFindFindsInAnyCase() {
        String text = "ORDER #AB12CD, my reference, Ref X9Y8Z7 and preorder 1234";

        assertThat(scanned(KEYWORD_ID, text, MatchStart.wordStartingWith("or")))
                .isEqualTo(found(KEYWORD_ID, text)).containsExactly("ORDER #AB12CD", "Ref X9Y8Z7");
    }

    private static List<String> scanned(Pattern pattern, String text, MatchStart start) {
        List<String> matches = new ArrayList<>();
        PatternDetector.scan(pattern, text, start, matcher -> matches.add(matcher.group()));
        return matches;
    }

    private static List<String> found(Pattern pattern, String text) {
        List<String> matches = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            matches.add(matcher.group());
        }
        return matches;
    }
}
