package io.triage.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import io.triage.platform.PlatformProperties.ApiKey;
import io.triage.platform.PlatformProperties.Role;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticatorTests {

    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(List.of(
            new ApiKey("classify-service", "k-classify", Set.of(Role.CLASSIFIER)),
            new ApiKey("ops-team", "k-ops", Set.of(Role.OPS)),
            new ApiKey("unset", "", Set.of(Role.ADMIN))));

    @Test
    void knownKeyIdentifiesItsHolder() {
        assertThat(authenticator.authenticate("k-ops")).hasValueSatisfying(
                key -> assertThat(key.name()).isEqualTo("ops-team"));
    }

    @Test
    void unknownOrPrefixKeyIsRefused() {
        assertThat(authenticator.authenticate("k-op")).isEmpty();
        assertThat(authenticator.authenticate("k-opss")).isEmpty();
        assertThat(authenticator.authenticate("K-OPS")).isEmpty();
    }

    @Test
    void blankConfiguredKeyNeverAuthenticates() {
        assertThat(authenticator.authenticate("")).isEmpty();
    }

    @Test
    void keyHolderNeverPrintsTheSecret() {
        assertThat(new ApiKey("n", "super-secret", Set.of(Role.OPS)).toString()).doesNotContain("super-secret");
    }
}
