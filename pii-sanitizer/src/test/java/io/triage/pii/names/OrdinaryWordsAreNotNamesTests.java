package io.triage.pii.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.pii.PiiSanitizer;
import io.triage.pii.SanitizerSettings;
import org.junit.jupiter.api.Test;

/** Over-redaction cases from real banking questions (issue 21): ordinary words and public names stay. */
class OrdinaryWordsAreNotNamesTests {

    private final PiiSanitizer sanitizer = SanitizerSettings.defaults().build();

    @Test
    void somethingWentWrongIsNotAName() {
        assertThat(clean("Something went wrong with my transfer.")).isEqualTo("something went wrong with my transfer.");
    }

    @Test
    void autoTopUpIsNotAName() {
        assertThat(clean("Auto top-up did not work")).isEqualTo("auto top-up did not work");
    }

    @Test
    void pendingIsNotAName() {
        assertThat(clean("Pending for three days now, why?")).isEqualTo("pending for three days now, why?");
    }

    @Test
    void howYoungIsNotAName() {
        assertThat(clean("How young can my child be to get a card?")).doesNotContain("<");
    }

    @Test
    void somebodyIsNotAName() {
        assertThat(clean("Somebody took money from my account")).isEqualTo("somebody took money from my account");
    }

    @Test
    void currencyNamesAreNotNames() {
        assertThat(clean("Can I hold Russian Ruble and Euros?")).isEqualTo("can i hold russian ruble and euros?");
    }

    @Test
    void countryNamesAreNotPersonalData() {
        assertThat(clean("My card does not work in China or the UK")).doesNotContain("<");
    }

    @Test
    void cardNetworksAndWalletsAreNotPersonalData() {
        assertThat(clean("Does Apple Pay work with my Visa and Mastercard?")).doesNotContain("<");
    }

    @Test
    void acronymsAfterACueAreNotNames() {
        assertThat(clean("Is this card accepted by ATMs?")).doesNotContain("<");
    }

    @Test
    void greetingToADictionaryWordIsNotAName() {
        assertThat(clean("Hi, Yesterdays payment was declined")).doesNotContain("<");
    }

    @Test
    void realNamesAreStillFound() {
        assertThat(clean("Priya Sharma called about the refund, and Mr Okafor too."))
                .isEqualTo("<PERSON> called about the refund, and mr <PERSON> too.");
    }

    @Test
    void unknownCapitalisedWordsAreStillTakenAsPeople() {
        assertThat(clean("I sent it to Oluwaseun yesterday")).isEqualTo("i sent it to <PERSON> yesterday");
    }

    private String clean(String text) {
        return sanitizer.sanitize(text).text();
    }
}
