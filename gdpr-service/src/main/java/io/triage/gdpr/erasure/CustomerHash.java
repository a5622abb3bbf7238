package io.triage.gdpr.erasure;

import io.triage.gdpr.config.GdprProperties;
import io.triage.platform.PlatformProperties;
import io.triage.platform.crypto.KeyedHash;
import org.springframework.stereotype.Component;

/**
 * The keyed hash (HMAC-SHA256, lower-case hex) kept instead of a customer id: it proves which customer a request
 * erased to whoever knows the id and the key, and tells nobody else anything. Refuses to start with the local
 * default key where default keys are forbidden (production).
 */
@Component
public class CustomerHash {

    private final KeyedHash hash;

    CustomerHash(GdprProperties properties, PlatformProperties platform) {
        this.hash = KeyedHash.checked("triage.gdpr.customer-hash-key", "TRIAGE_GDPR_CUSTOMER_HASH_KEY",
                properties.customerHashKey(), GdprProperties.LOCAL_CUSTOMER_HASH_KEY,
                platform.security().allowDefaultKeys(), 0);
    }

    public String of(String customerId) {
        return hash.of(customerId);
    }
}
