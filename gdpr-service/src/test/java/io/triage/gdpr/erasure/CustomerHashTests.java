package io.triage.gdpr.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.triage.gdpr.config.GdprProperties;
import io.triage.platform.PlatformProperties;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class CustomerHashTests {

    static GdprProperties gdpr(String key) {
        return new GdprProperties(Duration.ofSeconds(30), Set.of("ingestion"), Duration.ofDays(30),
                Duration.ofDays(25), key,
                new GdprProperties.Certificate("", "", Path.of("target/keys/cert.key"), Map.of(),
                        Duration.ofMinutes(10)),
                new GdprProperties.Export("", Path.of("target/keys/export.key"), Duration.ofDays(7),
                        Duration.ofSeconds(5), Duration.ofMinutes(5), 3, Duration.ofSeconds(30), Duration.ofHours(1)));
    }

    static PlatformProperties platform(boolean allowDefaultKeys) {
        return new PlatformProperties("gdpr", new PlatformProperties.Security(PlatformProperties.Mode.API_KEY,
                List.of(), allowDefaultKeys, "roles"), DataSize.ofMegabytes(1), "",
                new PlatformProperties.Resilience(3, Duration.ofMillis(100), 2.0, 0.5, 50, 20, 10,
                        Duration.ofSeconds(10)));
    }

    @Test
    void isTheHexHmacSha256OfTheIdUnderTheKey() {
        assertThat(new CustomerHash(gdpr("test-key"), platform(false)).of("CUST-1"))
                .isEqualTo("f11ba7ebb1400cc3bace906c5a4c1794166bc858a7b2ce9e80db67a316bffe62");
    }

    @Test
    void theLocalDefaultKeyIsRefusedWhereDefaultKeysAre() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new CustomerHash(gdpr(GdprProperties.LOCAL_CUSTOMER_HASH_KEY), platform(false)))
                .withMessageContaining("triage.gdpr.customer-hash-key");
        assertThat(new CustomerHash(gdpr(GdprProperties.LOCAL_CUSTOMER_HASH_KEY), platform(true)).of("CUST-1"))
                .hasSize(64);
    }
}
