package io.triage.gdpr.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.triage.gdpr.config.GdprProperties;
import io.triage.platform.PlatformProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class SigningKeysTests {

    @TempDir
    Path dir;

    GdprProperties properties(String privateKey, Map<String, String> retired) {
        return new GdprProperties(Duration.ofSeconds(30), Set.of("ingestion"), Duration.ofDays(30),
                Duration.ofDays(25), "hash-key",
                new GdprProperties.Certificate(privateKey, "", dir.resolve("cert.key"), retired, Duration.ofMinutes(10)),
                new GdprProperties.Export("", dir.resolve("export.key"), Duration.ofDays(7), Duration.ofSeconds(5),
                        Duration.ofMinutes(5), 3, Duration.ofSeconds(30), Duration.ofHours(1)));
    }

    static PlatformProperties platform(boolean allowDefaultKeys) {
        return new PlatformProperties("gdpr", new PlatformProperties.Security(PlatformProperties.Mode.API_KEY,
                List.of(), allowDefaultKeys, "roles"), DataSize.ofMegabytes(1), "",
                new PlatformProperties.Resilience(3, Duration.ofMillis(100), 2.0, 0.5, 50, 20, 10,
                        Duration.ofSeconds(10)));
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceStoringOnlyThePrivateKey() throws Exception {
        SigningKeys first = new SigningKeys(properties("", Map.of()), platform(true));
        SigningKeys again = new SigningKeys(properties("", Map.of()), platform(true));

        assertThat(again.published()).isEqualTo(first.published());
        assertThat(Files.readString(dir.resolve("cert.key")).strip())
                .isEqualTo(Base64.getEncoder().encodeToString(first.current().privateKey().getEncoded()));
    }

    @Test
    void noConfiguredKeyIsRefusedWhereDefaultKeysAre() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new SigningKeys(properties("", Map.of()), platform(false)))
                .withMessageContaining("triage.gdpr.certificate.private-key");
        assertThat(Files.exists(dir.resolve("cert.key"))).isFalse();
    }

    @Test
    void theConfiguredKeyIsPublishedFirstThenTheRetiredOnes() {
        SigningKeys keys = new SigningKeys(properties(CertificateKeyTests.OPENSSL_PRIVATE,
                Map.of("gdpr-2025", "MCowBQYDK2VwAyEAold")), platform(false));

        assertThat(keys.published()).extracting(SigningKeys.PublishedKey::publicKey)
                .containsExactly(CertificateKeyTests.OPENSSL_PUBLIC, "MCowBQYDK2VwAyEAold");
        assertThat(keys.published()).extracting(SigningKeys.PublishedKey::keyId).last().isEqualTo("gdpr-2025");
    }
}
