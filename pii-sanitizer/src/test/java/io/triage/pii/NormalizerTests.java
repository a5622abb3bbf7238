package io.triage.pii;

import static org.assertj.core.api.Assertions.assertThat;

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
}
