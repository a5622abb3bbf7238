package io.triage.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.triage.pii.Detector;
import io.triage.pii.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructuredDetectorTests {

    @Test
    void cardNumbersMustPassLuhn() {
        assertThat(values(new CreditCardDetector(), "valid 4111-1111-1111-1111, invalid 4111-1111-1111-1112"))
                .containsExactly("4111-1111-1111-1111");
    }

    @Test
    void ibanMustPassMod97AndDoesNotSwallowTheNextWord() {
        assertThat(values(new IbanDetector(), "pay GB82 WEST 1234 5698 7654 32 today, not GB82 WEST 1234 5698 7654 33"))
                .containsExactly("GB82 WEST 1234 5698 7654 32");
    }

    @Test
    void ipAddressesNeedValidOctetsAndClockTimesAreNotIpv6() {
        assertThat(values(new IpAddressDetector(), "from 10.0.0.256 and 10.0.0.25 at 10:30:00 via 2001:db8::8a2e:370:7334"))
                .containsExactly("10.0.0.25", "2001:db8::8a2e:370:7334");
    }

    @Test
    void ssnRulesAndNinoPrefixesAreChecked() {
        assertThat(values(new NationalIdDetector(), "SSN 123-45-6789, not 666-45-6789; NI AB 12 34 56 C, not GB123456A"))
                .containsExactly("123-45-6789", "AB 12 34 56 C");
    }

    @Test
    void accountIdsNeedContextOrAKnownShape() {
        assertThat(values(new AccountIdDetector(List.of()), "account abc123, order #A-99812, ACC-4821-7731, order 15"))
                .containsExactlyInAnyOrder("abc123", "#A-99812", "ACC-4821-7731");
    }

    @Test
    void datesCountAsBirthDatesOnlyInContext() {
        assertThat(values(new DateOfBirthDetector(), "Paid on 12/03/2024. My date of birth is 12 March 1985."))
                .containsExactly("12 March 1985");
    }

    @Test
    void phonesInInternationalAndNationalFormats() {
        assertThat(values(new PhoneDetector(List.of("US", "GB")), "call +447700900123 or (415) 555-0134 or 020 7946 0958"))
                .contains("+447700900123", "(415) 555-0134", "020 7946 0958");
    }

    private static List<String> values(Detector detector, String text) {
        return detector.detect(text).stream()
                .sorted(java.util.Comparator.comparingInt(Finding::start))
                .map(f -> text.substring(f.start(), f.end()))
                .distinct()
                .toList();
    }
}
