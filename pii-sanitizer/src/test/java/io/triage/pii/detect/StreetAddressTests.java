package io.triage.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.pii.PiiSanitizer;
import io.triage.pii.SanitizerSettings;
import org.junit.jupiter.api.Test;

/** Street addresses in the conventions of issue 21: UK, US, DE, FR, NL, IE, each removed as one placeholder. */
class StreetAddressTests {

    private final PiiSanitizer sanitizer = SanitizerSettings.defaults().build();

    @Test
    void ukHouseNumberStreetCityAndPostcodeAreOneAddress() {
        assertThat(clean("I live at 221B Baker Street, London NW1 6XE now.")).isEqualTo("i live at <STREET_ADDRESS> now.");
    }

    @Test
    void usAddressWithFlatCityStateAndZipIsOneAddress() {
        assertThat(clean("Flat 4, 12 Main St., Springfield, IL 62704")).isEqualTo("<STREET_ADDRESS>");
    }

    @Test
    void usAddressOverTwoLinesIsOneAddress() {
        assertThat(clean("at 5 Main Street Apt. 3B\nBoston, MA 02110")).isEqualTo("at <STREET_ADDRESS>");
    }

    @Test
    void germanStreetNumberPostcodeAndCityAreOneAddress() {
        assertThat(clean("bitte an Hauptstraße 12, 10115 Berlin.")).isEqualTo("bitte an <STREET_ADDRESS>.");
    }

    @Test
    void dutchStreetAndPostcodeAreOneAddress() {
        assertThat(clean("woon op Keizersgracht 123, 1015 CJ Amsterdam")).isEqualTo("woon op <STREET_ADDRESS>");
    }

    @Test
    void frenchNumberRueAndPostcodeAreOneAddress() {
        assertThat(clean("au 12 bis rue de la Paix, 75002 Paris")).isEqualTo("au <STREET_ADDRESS>");
    }

    @Test
    void irishStreetWithDublinDistrictAndEircodeAreFound() {
        assertThat(clean("14 Grafton Street, Dublin 2, D02 X285")).isEqualTo("<STREET_ADDRESS>");
    }

    @Test
    void lowerCaseStreetIsFound() {
        assertThat(clean("i live at 12 baker street")).isEqualTo("i live at <STREET_ADDRESS>");
    }

    @Test
    void germanStreetWithoutTypeBeforePostcodeAndCityIsOneAddress() {
        assertThat(clean("Lieferung an Am Rosengarten 42b, 01067 Dresden bitte"))
                .isEqualTo("lieferung an <STREET_ADDRESS> bitte");
    }

    @Test
    void lowerCaseDutchAddressIsOneAddress() {
        assertThat(clean("mijn adres: dorpsstraat 116a, 5611 em eindhoven")).isEqualTo("mijn adres: <STREET_ADDRESS>");
    }

    @Test
    void lowerCaseUsAndIrishCityLinesBelongToTheAddress() {
        assertThat(clean("ship to 39 cedar street apt 18b, tacoma, wa 98402.")).isEqualTo("ship to <STREET_ADDRESS>.");
        assertThat(clean("now at 91 dominick street, cork t12 x70a.")).isEqualTo("now at <STREET_ADDRESS>.");
    }

    @Test
    void eircodesInUpperCaseOrAfterALowerCaseCityAreFound() {
        assertThat(clean("D02 X285")).isEqualTo("<STREET_ADDRESS>");
        assertThat(clean("Dublin 2, D02 X285")).isEqualTo("<STREET_ADDRESS>");
        assertThat(clean("send it to dublin d02 x285 please")).isEqualTo("send it to <STREET_ADDRESS> please");
        assertThat(clean("14 grafton street\ndublin 2, d02 yx88")).isEqualTo("<STREET_ADDRESS>");
    }

    @Test
    void lowerCaseTokensShapedLikeEircodesAreNoAddress() {
        // A letter, two digits and four characters: an Eircode's shape, but no city before it.
        assertThat(clean("upgraded to v12 2024")).isEqualTo("upgraded to v12 2024");
        assertThat(clean("the t10 data export")).isEqualTo("the t10 data export");
        assertThat(clean("firmware v12 2024 fails")).doesNotContain("<STREET_ADDRESS>");
    }

    @Test
    void lowerCaseUkPostcodesAreFoundButOrdinalsAreNoInwardCode() {
        assertThat(clean("my postcode is ls6 2ab")).isEqualTo("my postcode is <STREET_ADDRESS>");
        assertThat(clean("seat b2 1st row")).isEqualTo("seat b2 1st row");
        assertThat(clean("tried v2 2nd time, a1 3rd, m4 4th")).isEqualTo("tried v2 2nd time, a1 3rd, m4 4th");
    }

    @Test
    void aCountBeforeAnAmountIsNoStreetAndPostcode() {
        assertThat(clean("paid 3 invoices 40000 euros.")).isEqualTo("paid 3 invoices 40000 euros.");
        // A street and a lower-case postcode with a city still form an address without a comma between them.
        assertThat(clean("Am Rosengarten 42b 01067 dresden")).isEqualTo("<STREET_ADDRESS>");
    }

    @Test
    void streetWithMixedCaseEndingIsFound() {
        assertThat(clean("bahnhofSTRASSE 5")).isEqualTo("<STREET_ADDRESS>");
    }

    @Test
    void aPhoneNumberBeforeWordsIsNoStreetAndPostcode() {
        assertThat(clean("Reach me on +91 81234 56785 after six.")).isEqualTo("reach me on <PHONE> after six.");
    }

    @Test
    void numbersBeforeOrdinaryWordsAreNoAddress() {
        String text = "ran 5 miles down the road; 30 days way too long; unit 3 of the course; 10115 is a number; "
                + "1024 MB left; at 10 Park";

        assertThat(clean(text)).doesNotContain("<");
    }

    private String clean(String text) {
        return sanitizer.sanitize(text).text();
    }
}
