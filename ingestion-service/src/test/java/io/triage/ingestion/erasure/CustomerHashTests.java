package io.triage.ingestion.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.HashMap;
import java.util.Map;

import io.triage.ingestion.config.IngestionProperties;
import io.triage.platform.PlatformProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CustomerHashTests {

    static CustomerHash hash(@Nullable String key, boolean allowDefaultKeys) {
        Map<String, String> settings = new HashMap<>(Map.of("triage.platform.schema", "ingestion",
                "triage.platform.security.allow-default-keys", String.valueOf(allowDefaultKeys)));
        if (key != null) {
            settings.put("triage.ingestion.erasure.customer-hash-key", key);
        }
        Binder binder = new Binder(new MapConfigurationPropertySource(settings));
        return new CustomerHash(binder.bindOrCreate("triage.ingestion", IngestionProperties.class),
                binder.bindOrCreate("triage.platform", PlatformProperties.class));
    }

    @Test
    void isTheHexHmacSha256OfTheIdUnderTheKey() {
        assertThat(hash("test-key", false).of("CUST-1"))
                .isEqualTo("f11ba7ebb1400cc3bace906c5a4c1794166bc858a7b2ce9e80db67a316bffe62");
    }

    @Test
    void theLocalDefaultKeyIsRefusedWhereDefaultKeysAre() {
        assertThatIllegalStateException().isThrownBy(() -> hash(null, false))
                .withMessageContaining("triage.ingestion.erasure.customer-hash-key");
        assertThat(hash(null, true).of("CUST-1")).hasSize(64).isNotEqualTo(hash("test-key", true).of("CUST-1"));
    }
}
