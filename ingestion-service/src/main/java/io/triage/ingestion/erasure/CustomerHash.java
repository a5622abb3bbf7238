package io.triage.ingestion.erasure;

import io.triage.ingestion.config.IngestionProperties;
import io.triage.platform.PlatformProperties;
import io.triage.platform.crypto.KeyedHash;
import org.springframework.stereotype.Component;

/**
 * The keyed hash (HMAC-SHA256, lower-case hex) an applied erasure keeps instead of the customer id. Refuses to start
 * with the local default key where default keys are forbidden (production).
 */
@Component
class CustomerHash {

    private final KeyedHash hash;

    CustomerHash(IngestionProperties properties, PlatformProperties platform) {
        this.hash = KeyedHash.checked("triage.ingestion.erasure.customer-hash-key",
                "TRIAGE_INGESTION_ERASURE_CUSTOMER_HASH_KEY", properties.erasure().customerHashKey(),
                IngestionProperties.LOCAL_ERASURE_HASH_KEY, platform.security().allowDefaultKeys(), 0);
    }

    String of(String customerId) {
        return hash.of(customerId);
    }
}
