package io.triage.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NormalizerTests {

    private final Normalizer normalizer = new Normalizer();

    @Test
    void lowerCasesAndCollapsesWhitespace() {
        assertThat(normalizer.normalize("  My   Card\n\tWAS  Declined ")).isEqualTo("my card was declined");
    }

    @Test
    void expandsContractionsIncludingCurlyApostrophes() {
        assertThat(normalizer.normalize("I can't log in, it’s broken and I won't wait. We're sure you'll help."))
                .isEqualTo("i cannot log in, it is broken and i will not wait. we are sure you will help.");
    }

    @Test
    void appliesNfkc() {
        assertThat(normalizer.normalize("Ｃａｒｄ ﬁne ①")).isEqualTo("card fine 1");
    }

    @Test
    void placeholdersSurviveIntact() {
        assertThat(normalizer.normalize("Hi <PERSON_2>, your <ACCOUNT_ID> and <EMAIL_3f9a0c1d2b4e> DON'T match"))
                .isEqualTo("hi <PERSON_2>, your <ACCOUNT_ID> and <EMAIL_3f9a0c1d2b4e> do not match");
    }

    @Test
    void stripsLineSeparatorsAndControlSpacesAtTheEndsLikeStrip() {
        assertThat(normalizer.normalize("\u2028 \tMy\u000bcard \u001c")).isEqualTo("my card");
    }

    @Test
    void pronounExpansionWithoutRegexEqualsTheRegexOnRandomText() {
        Pattern pronounIs = Pattern.compile("\\b(it|that|what|there|he|she|where|who|here|how)'s\\b");
        Pattern suffixStart = Pattern.compile("'(?:re|ve|ll|d|m)");
        String alphabet = "ithewrosa'' _1\u00e9xldmv.";
        Random random = new Random(2026);
        for (int sample = 0; sample < 200_000; sample++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(24); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = random.nextBoolean() ? text.toString() : "there's " + text + " it's";
            assertThat(Normalizer.pronounIs(value)).as(value).isEqualTo(pronounIs.matcher(value).replaceAll("$1 is"));
            assertThat(Normalizer.hasSuffix(value)).as(value).isEqualTo(suffixStart.matcher(value).find());
        }
    }
}
