package io.triage.classify.customer;

import java.util.List;

import io.triage.classify.tier.Hashes;
import io.triage.platform.PlatformProperties;
import io.triage.platform.crypto.KeyedHash;
import org.springframework.stereotype.Component;

/**
 * Customer ids as classify-service keeps them: HMAC-SHA256 under {@code triage.classify.customer-hash-key}, so a
 * stored hash cannot be recomputed from a guessed id without the key. Rows logged before the key existed carry the
 * plain SHA-256 ({@link #legacy}); a migration cannot re-key them without the ids, so an erasure matches both.
 * Refuses to start with the local default key, or a key shorter than {@value #MIN_KEY_LENGTH} characters, when the
 * platform forbids default keys.
 */
@Component
public class CustomerHashes {

    static final int MIN_KEY_LENGTH = 32;

    private final KeyedHash hash;

    CustomerHashes(CustomerHashProperties properties, PlatformProperties platform) {
        this.hash = KeyedHash.checked("triage.classify.customer-hash-key", "TRIAGE_CLASSIFY_CUSTOMER_HASH_KEY",
                properties.customerHashKey(), CustomerHashProperties.LOCAL_CUSTOMER_HASH_KEY,
                platform.security().allowDefaultKeys(), MIN_KEY_LENGTH);
    }

    /** The hash stored for {@code customerId}: lower-case hex HMAC-SHA256 under the configured key. */
    public String keyed(String customerId) {
        return hash.of(customerId);
    }

    /** The unsalted SHA-256 that rows logged before the keyed hash carry. */
    public String legacy(String customerId) {
        return Hashes.sha256(customerId);
    }

    /** Every hash a row of {@code customerId} may carry: keyed first, then legacy. */
    public List<String> all(String customerId) {
        return List.of(keyed(customerId), legacy(customerId));
    }
}
