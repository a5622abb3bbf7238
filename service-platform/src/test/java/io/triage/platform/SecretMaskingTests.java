package io.triage.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SecretMaskingTests {

    record Client(String url, String apiKey, String password, int retries) {
    }

    @Test
    void secretComponentsAreHiddenAndTheRestShown() {
        Client client = new Client("https://example.test", "sk-live-123", "", 3);

        assertThat(SecretMasking.toString(client, "apiKey", "password"))
                .isEqualTo("Client[url=https://example.test, apiKey=<hidden>, password=<none>, retries=3]");
    }

    @Test
    void aSecretNameThatIsNoComponentIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SecretMasking.toString(new Client("u", "k", "p", 1), "token"));
    }
}
