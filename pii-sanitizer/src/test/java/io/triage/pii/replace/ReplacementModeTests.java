package io.triage.pii.replace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triage.pii.PiiSanitizer;
import io.triage.pii.ReplacementMode;
import io.triage.pii.SanitizerSettings;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplacementModeTests {

    private static final String TICKET = "John Smith called. John Smith said Mary Jones has his card.";

    @Test
    void numberedPlaceholdersKeepOnePersonOneNumberWithinATicket() {
        PiiSanitizer numbered = SanitizerSettings.defaults()
                .withMode(ReplacementMode.NUMBERED, Optional.empty()).build();

        assertThat(numbered.sanitize(TICKET).text())
                .isEqualTo("<PERSON_1> called. <PERSON_1> said <PERSON_2> has his card.");
    }

    @Test
    void pseudonymsAreStableAcrossTicketsAndDependOnTheKey() {
        PiiSanitizer first = pseudonymous("first-secret-key-0123456789");
        PiiSanitizer second = pseudonymous("other-secret-key-0123456789");

        String a = first.sanitize("write to jane@example.com").text();
        String b = first.sanitize("JANE@example.com again").text();
        String c = second.sanitize("write to jane@example.com").text();

        assertThat(a).matches("write to <EMAIL_[0-9a-f]{12}>");
        assertThat(b).startsWith(a.substring("write to ".length()));
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void pseudonymIsAnHmacNotAPlainHash() {
        String pseudonym = new Pseudonyms("key-of-sixteen-bytes!".getBytes(StandardCharsets.UTF_8))
                .pseudonym(io.triage.pii.PiiType.EMAIL, "jane@example.com");
        String plainHash = java.util.HexFormat.of().formatHex(sha256("EMAIL:jane@example.com")).substring(0, 12);

        assertThat(pseudonym).isNotEqualTo(plainHash);
    }

    @Test
    void shortKeysAreRejected() {
        assertThatThrownBy(() -> new Pseudonyms("short".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PiiSanitizer pseudonymous(String key) {
        return SanitizerSettings.defaults()
                .withMode(ReplacementMode.PSEUDONYM, Optional.of(key.getBytes(StandardCharsets.UTF_8))).build();
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
