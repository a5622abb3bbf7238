package io.triage.classify.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.triage.classify.tier.Hashes;
import io.triage.platform.PlatformProperties;
import org.junit.jupiter.api.Test;

class CustomerHashesTests {

    private static final String KEY = "a-customer-hash-key-of-at-least-32-chars";

    private static CustomerHashes hashes(String key, boolean allowDefaultKeys) {
        PlatformProperties platform = new PlatformProperties("classify",
                new PlatformProperties.Security(PlatformProperties.Mode.API_KEY, List.of(), allowDefaultKeys, "roles"),
                null, "", null);
        return new CustomerHashes(new CustomerHashProperties(key), platform);
    }

    @Test
    void theKeyedHashIsNotThePlainSha256AndDependsOnTheKey() {
        String keyed = hashes(KEY, false).keyed("CUST-1");

        assertThat(keyed).hasSize(64).isNotEqualTo(Hashes.sha256("CUST-1"));
        assertThat(hashes(KEY + "-other", false).keyed("CUST-1")).isNotEqualTo(keyed);
        assertThat(hashes(KEY, false).keyed("CUST-1")).as("stable").isEqualTo(keyed);
    }

    @Test
    void anErasureLooksForTheKeyedAndTheLegacyHash() {
        CustomerHashes hashes = hashes(KEY, true);

        assertThat(hashes.all("CUST-1")).containsExactly(hashes.keyed("CUST-1"), Hashes.sha256("CUST-1"));
    }

    @Test
    void theLocalDefaultKeyIsRefusedWhenDefaultKeysAreForbidden() {
        assertThatThrownBy(() -> hashes(CustomerHashProperties.LOCAL_CUSTOMER_HASH_KEY, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("customer-hash-key");
        assertThat(hashes(CustomerHashProperties.LOCAL_CUSTOMER_HASH_KEY, true).keyed("CUST-1")).hasSize(64);
    }

    @Test
    void aShortOrBlankKeyIsRefused() {
        assertThatThrownBy(() -> hashes("short", false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32");
        assertThatThrownBy(() -> hashes(" ", true)).isInstanceOf(IllegalStateException.class);
    }
}
