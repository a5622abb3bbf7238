package io.triage.gdpr.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.triage.gdpr.config.GdprProperties;
import io.triage.platform.PlatformProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class ExportCipherTests {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dir;

    GdprProperties properties(String key) {
        return new GdprProperties(Duration.ofSeconds(30), Set.of("ingestion"), Duration.ofDays(30),
                Duration.ofDays(25), "hash-key",
                new GdprProperties.Certificate("", "", dir.resolve("cert.key"), Map.of(), Duration.ofMinutes(10)),
                new GdprProperties.Export(key, dir.resolve("keys/export.key"), Duration.ofDays(7),
                        Duration.ofSeconds(5), Duration.ofMinutes(5), 3, Duration.ofSeconds(30), Duration.ofHours(1)));
    }

    static PlatformProperties platform(boolean allowDefaultKeys) {
        return new PlatformProperties("gdpr", new PlatformProperties.Security(PlatformProperties.Mode.API_KEY,
                List.of(), allowDefaultKeys, "roles"), DataSize.ofMegabytes(1), "",
                new PlatformProperties.Resilience(3, Duration.ofMillis(100), 2.0, 0.5, 50, 20, 10,
                        Duration.ofSeconds(10)));
    }

    @Test
    void aDocumentDecryptsOnlyAsTheExportItWasEncryptedFor() {
        ExportCipher cipher = new ExportCipher(properties(KEY), platform(false));
        UUID export = UUID.randomUUID();
        byte[] document = "{\"customerId\":\"CUST-1\"}".getBytes(StandardCharsets.UTF_8);

        byte[] stored = cipher.encrypt(export, document);

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("CUST-1");
        assertThat(cipher.decrypt(export, stored)).isEqualTo(document);
        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(UUID.randomUUID(), stored));
        stored[stored.length - 1] ^= 1;
        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(export, stored));
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceAndKept() throws Exception {
        UUID export = UUID.randomUUID();
        byte[] stored = new ExportCipher(properties(""), platform(true)).encrypt(export, new byte[] {1, 2});

        assertThat(Files.readString(dir.resolve("keys/export.key")).strip()).hasSize(44);
        assertThat(new ExportCipher(properties(""), platform(true)).decrypt(export, stored))
                .as("a restart reads the same key").containsExactly(1, 2);
    }

    @Test
    void aMissingOrMalformedKeyIsRefusedWhereDefaultKeysAre() {
        assertThatIllegalStateException().isThrownBy(() -> new ExportCipher(properties(""), platform(false)))
                .withMessageContaining("triage.gdpr.export.encryption-key");
        assertThatIllegalStateException().isThrownBy(() -> new ExportCipher(properties("c2hvcnQ="), platform(false)))
                .withMessageContaining("32 bytes");
        assertThat(Files.exists(dir.resolve("keys/export.key"))).isFalse();
    }
}
