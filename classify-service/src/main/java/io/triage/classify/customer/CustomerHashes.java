package io.triage.classify.customer;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.triage.classify.tier.Hashes;
import io.triage.platform.PlatformProperties;
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
    private static final String ALGORITHM = "HmacSHA256";

    private final Mac prototype;

    CustomerHashes(CustomerHashProperties properties, PlatformProperties platform) {
        String key = properties.customerHashKey();
        if (key.isBlank()) {
            throw new IllegalStateException("triage.classify.customer-hash-key is empty; set a secret key");
        }
        if (!platform.security().allowDefaultKeys()) {
            if (CustomerHashProperties.LOCAL_CUSTOMER_HASH_KEY.equals(key)) {
                throw new IllegalStateException("triage.classify.customer-hash-key is the local default and "
                        + "triage.platform.security.allow-default-keys=false; set TRIAGE_CLASSIFY_CUSTOMER_HASH_KEY");
            }
            if (key.length() < MIN_KEY_LENGTH) {
                throw new IllegalStateException("triage.classify.customer-hash-key must have at least "
                        + MIN_KEY_LENGTH + " characters");
            }
        }
        this.prototype = mac(key);
    }

    /** The hash stored for {@code customerId}: lower-case hex HMAC-SHA256 under the configured key. */
    public String keyed(String customerId) {
        try {
            Mac mac = (Mac) prototype.clone();
            return HexFormat.of().formatHex(mac.doFinal(customerId.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }

    /** The unsalted SHA-256 that rows logged before the keyed hash carry. */
    public String legacy(String customerId) {
        return Hashes.sha256(customerId);
    }

    /** Every hash a row of {@code customerId} may carry: keyed first, then legacy. */
    public List<String> all(String customerId) {
        return List.of(keyed(customerId), legacy(customerId));
    }

    private static Mac mac(String key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
