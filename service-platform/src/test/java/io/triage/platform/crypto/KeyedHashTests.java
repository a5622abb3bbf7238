package io.triage.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class KeyedHashTests {

    @Test
    void isHmacSha256InLowerCaseHex() {
        // RFC 4231, test case 2.
        assertThat(KeyedHash.checked("p", "P", "Jefe", "local", true, 0).of("what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void anotherKeyGivesAnotherHash() {
        assertThat(KeyedHash.checked("p", "P", "key-one", "local", true, 0).of("CUST-1"))
                .isNotEqualTo(KeyedHash.checked("p", "P", "key-two", "local", true, 0).of("CUST-1"));
    }

    @Test
    void theLocalDefaultOrAShortKeyIsRefusedWhereDefaultKeysAreForbidden() {
        assertThatIllegalStateException().isThrownBy(() -> KeyedHash.checked("triage.x.key", "TRIAGE_X_KEY", "local",
                "local", false, 0)).withMessageContaining("triage.x.key").withMessageContaining("TRIAGE_X_KEY");
        assertThatIllegalStateException().isThrownBy(() -> KeyedHash.checked("triage.x.key", "TRIAGE_X_KEY", "short",
                "local", false, 32)).withMessageContaining("at least 32");
        assertThatIllegalStateException().isThrownBy(() -> KeyedHash.checked("triage.x.key", "TRIAGE_X_KEY", " ",
                "local", true, 0));
        assertThat(KeyedHash.checked("p", "P", "local", "local", true, 32).of("x")).hasSize(64);
    }
}
