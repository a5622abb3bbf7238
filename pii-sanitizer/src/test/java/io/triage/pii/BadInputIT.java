package io.triage.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile input must neither throw nor take super-linear time. A quadratic pattern would make one of these 1 MB
 * inputs run for hours, so finishing at all is the check; speed itself is measured in the benchmarks. The
 * pattern-targeted inputs run without the statistical model (linear too, but slow per token, and not what these
 * inputs attack); the full default pipeline runs on the Unicode and real-PII megabytes. Megabytes take tens of
 * seconds on two cores, so this runs with the integration tests (failsafe).
 */
class BadInputIT {

    private static final int ONE_MEGABYTE = 1 << 20;
    private final PiiSanitizer sanitizer = SanitizerSettings.defaults().withNamedEntities(true, false).build();
    private final PiiSanitizer fullPipeline = SanitizerSettings.defaults().build();

    @Test
    void megabyteOfRepeatedWordCharactersWithoutAtSign() {
        assertSanitized("a".repeat(ONE_MEGABYTE));
    }

    @Test
    void megabyteOfDigitsAndSeparators() {
        assertSanitized("1 ".repeat(ONE_MEGABYTE / 2));
        assertSanitized("9".repeat(ONE_MEGABYTE));
        assertSanitized("1-".repeat(ONE_MEGABYTE / 2));
    }

    @Test
    void megabyteOfAlmostEmails() {
        assertSanitized("a.".repeat(ONE_MEGABYTE / 4) + "@" + "b.".repeat(ONE_MEGABYTE / 4));
        assertSanitized("a@".repeat(ONE_MEGABYTE / 2));
    }

    @Test
    void megabyteOfCapitalisedWordsAndContextWords() {
        assertSanitized("Account John ".repeat(ONE_MEGABYTE / 13));
        assertSanitized("GB82 ".repeat(ONE_MEGABYTE / 5));
    }

    @Test
    void megabyteOfRandomUnicode() {
        Random random = new Random(5);
        StringBuilder text = new StringBuilder(ONE_MEGABYTE);
        while (text.length() < ONE_MEGABYTE) {
            int codePoint = random.nextInt(0x2FFFF);
            if (Character.isDefined(codePoint) && !Character.isSurrogate((char) codePoint)) {
                text.appendCodePoint(codePoint);
            }
        }
        assertThat(fullPipeline.sanitize(text.toString()).text()).isNotNull();
    }

    @Test
    void loneSurrogatesAndControlCharacters() {
        assertSanitized("\uD800 John Smith \u0000\u0007 a@b.com \uDFFF");
    }

    @Test
    void megabyteTicketWithRealPiiIsFullySanitised() {
        String ticket = "Mail john.doe@example.com, card 4111 1111 1111 1111. ";
        SanitizedText result = fullPipeline.sanitize(ticket.repeat(ONE_MEGABYTE / ticket.length()));

        assertThat(result.text()).doesNotContain("john.doe@example.com", "4111");
    }

    private void assertSanitized(String text) {
        SanitizedText result = sanitizer.sanitize(text);
        assertThat(result.text()).isNotNull();
    }
}
