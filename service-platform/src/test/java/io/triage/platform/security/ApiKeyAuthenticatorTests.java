package io.triage.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.triage.platform.PlatformProperties;
import io.triage.platform.PlatformProperties.ApiKey;
import io.triage.platform.PlatformProperties.Mode;
import io.triage.platform.PlatformProperties.Role;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticatorTests {

    /** printf %s k-digest-only | sha256sum */
    private static final String DIGEST_ONLY_SHA256 = "092ca1806edd131e24c8f7d577054fe07cc711d6b0d7f7898e5088eeb2f1da0d";

    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(List.of(
            new ApiKey("classify-service", "k-classify", null, Set.of(Role.CLASSIFY_SERVICE)),
            new ApiKey("ops-team", "k-ops", null, Set.of(Role.OPS)),
            new ApiKey("servicenow", null, DIGEST_ONLY_SHA256, Set.of(Role.CLASSIFIER)),
            new ApiKey("unset", "", "", Set.of(Role.ADMIN))));

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
    void keyConfiguredAsItsDigestOnlyAuthenticatesTheKey() {
        assertThat(authenticator.authenticate("k-digest-only")).hasValueSatisfying(
                key -> assertThat(key.name()).isEqualTo("servicenow"));
    }

    @Test
    void theDigestItselfOrAnotherKeyDoesNotAuthenticateAgainstADigest() {
        assertThat(authenticator.authenticate(DIGEST_ONLY_SHA256)).isEmpty();
        assertThat(authenticator.authenticate("k-digest-onl")).isEmpty();
    }

    @Test
    void upperCaseHexDigestIsTheSameDigest() {
        var upper = new ApiKeyAuthenticator(List.of(
                new ApiKey("n", null, sha256Hex("k").toUpperCase(Locale.ROOT), Set.of(Role.OPS))));
        assertThat(upper.authenticate("k")).isPresent();
    }

    @Test
    void digestThatIsNotSixtyFourHexDigitsRefusesToStartNamingTheProperty() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new ApiKeyAuthenticator(List.of(
                        new ApiKey("a", "k-a", null, Set.of(Role.OPS)),
                        new ApiKey("b", null, DIGEST_ONLY_SHA256.substring(1) + "g", Set.of(Role.OPS)))))
                .withMessageContaining("triage.platform.security.api-keys[1].key-sha256")
                .withMessageNotContaining(DIGEST_ONLY_SHA256.substring(1));
        assertThatIllegalStateException()
                .isThrownBy(() -> new ApiKeyAuthenticator(List.of(
                        new ApiKey("b", null, "abc", Set.of(Role.OPS)))))
                .withMessageContaining("api-keys[0].key-sha256");
    }

    @Test
    void keyGivenBothPlainAndAsDigestRefusesToStart() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new ApiKeyAuthenticator(List.of(
                        new ApiKey("b", "k", sha256Hex("k"), Set.of(Role.OPS)))))
                .withMessageContaining("api-keys[0] gives both key and key-sha256");
    }

    @Test
    void localKeyGivenAsItsDigestIsStillRefusedWhereDefaultKeysAreForbidden() {
        var keys = List.of(new ApiKey("sneaky", null, sha256Hex("local-classify-service-key"),
                Set.of(Role.CLASSIFY_SERVICE)));
        var security = new PlatformProperties.Security(Mode.API_KEY, keys, false, "roles");
        assertThatIllegalStateException()
                .isThrownBy(() -> SecurityConfiguration.refuseLocalKeysWhereForbidden(security,
                        new ApiKeyAuthenticator(keys)))
                .withMessageContaining("allow-default-keys=false");
    }

    @Test
    void everyServiceIdentityKeyIsAWellKnownLocalKey() {
        assertThat(SecurityConfiguration.LOCAL_KEYS).contains("local-classify-service-key",
                "local-ingestion-service-key", "local-embedding-service-key", "local-gdpr-service-key");
    }

    @Test
    void keyHolderNeverPrintsTheSecret() {
        assertThat(new ApiKey("n", "super-secret", null, Set.of(Role.OPS)).toString())
                .doesNotContain("super-secret").contains("name=n", "key=<hidden>");
    }

    static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
