package io.triage.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PiiSanitizerTests {

    private final PiiSanitizer sanitizer = SanitizerSettings.defaults().build();

    @Test
    void seedExampleGivesExactlyTheSeedOutput() {
        SanitizedText result = sanitizer.sanitize("My account abc123 was charged $50 to john.doe@example.com");

        assertThat(result.text()).isEqualTo("my account <ACCOUNT_ID> was charged $50 to <EMAIL>");
    }

    @Test
    void findingsListTypeSpanDetectorAndScoreButNoRawValue() {
        SanitizedText result = sanitizer.sanitize("My account abc123 was charged $50 to john.doe@example.com");

        assertThat(result.findings()).extracting(Finding::type).containsExactly(PiiType.ACCOUNT_ID, PiiType.EMAIL);
        assertThat(result.findings().getFirst()).extracting(Finding::start, Finding::end, Finding::detector)
                .containsExactly(11, 17, "account-id");
        assertThat(result.findings()).allSatisfy(finding -> {
            assertThat(finding.value()).isNull();
            assertThat(finding.score()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void rawValuesOnlyWhenExplicitlyRequested() {
        PiiSanitizer revealing = new SanitizerSettings(ReplacementMode.PLACEHOLDER, java.util.Optional.empty(),
                List.of(), List.of("US"), java.util.Optional.empty(), false, false, true).build();

        assertThat(revealing.sanitize("mail me at a.b@example.org").findings())
                .extracting(Finding::value).containsExactly("a.b@example.org");
    }

    @Test
    void nullAndEmptyInputGiveEmptyResult() {
        assertThat(sanitizer.sanitize(null)).isEqualTo(SanitizedText.EMPTY);
        assertThat(sanitizer.sanitize("")).isEqualTo(SanitizedText.EMPTY);
    }

    @Test
    void everyStructuredKindIsReplaced() {
        String text = "Card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32, call +44 20 7946 0958, "
                + "IP 192.168.10.20, SSN 123-45-6789, NI AB123456C, born on 12/03/1985.";

        String sanitized = sanitizer.sanitize(text).text();

        assertThat(sanitized).contains("<CREDIT_CARD>", "<IBAN>", "<PHONE>", "<IP_ADDRESS>", "<US_SSN>",
                "<UK_NINO>", "<DATE_OF_BIRTH>");
        assertThat(sanitized).doesNotContainPattern("\\d{3}");
    }

    @Test
    void namesPlacesAndOrganisationsAreReplaced() {
        String sanitized = sanitizer.sanitize("Hello, this is Mr. David Miller from Barclays in Manchester.").text();

        assertThat(sanitized).isEqualTo("hello, this is mr. <PERSON> from <ORG> in <LOCATION>.");
    }

    @Test
    void failingDetectorIsAnErrorNotAPassThrough() {
        Detector broken = new Detector() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public List<Finding> detect(String text) {
                throw new IllegalStateException("boom");
            }
        };
        PiiSanitizer withBroken = new PiiSanitizer(List.of(broken), io.triage.pii.replace.Replacer.of(
                ReplacementMode.PLACEHOLDER), false);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> withBroken.sanitize("John Smith"))
                .isInstanceOf(PiiSanitizationException.class);
    }
}
