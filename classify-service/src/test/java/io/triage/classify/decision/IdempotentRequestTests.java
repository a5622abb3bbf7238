package io.triage.classify.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.triage.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

class IdempotentRequestTests {

    private static final String HASH = "0".repeat(64);

    private static InvalidInputException refusal(String key) {
        return catchThrowableOfType(InvalidInputException.class, () -> new IdempotentRequest(key, HASH));
    }

    @Test
    void anyPrintableAsciiUpTo200CharactersIsAKey() {
        assertThatNoException().isThrownBy(() -> new IdempotentRequest("k", HASH));
        assertThatNoException().isThrownBy(() -> new IdempotentRequest("x".repeat(200), HASH));
        assertThatNoException().isThrownBy(() -> new IdempotentRequest(
                "\"8e03978e-40d5-43e8-bc93-6894a57f9324\" ~!@#$%^&*()_+{}|:<>?`-=[]\\;',./", HASH));
    }

    @Test
    void emptyOrLongerThan200CharactersIs400NamingTheHeader() {
        assertThat(refusal("").properties()).containsEntry("field", "Idempotency-Key");
        assertThat(refusal("x".repeat(201)).properties()).containsEntry("field", "Idempotency-Key");
    }

    @Test
    void controlAndNonAsciiCharactersAre400NamingTheHeader() {
        for (String key : new String[] {"a\tb", "a\u0000b", "a\u007fb", "clé", "ключ"}) {
            assertThat(refusal(key)).as(key).isNotNull();
            assertThat(refusal(key).properties()).containsEntry("field", "Idempotency-Key");
        }
    }
}
