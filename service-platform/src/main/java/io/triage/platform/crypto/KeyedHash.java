package io.triage.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 (lower-case hex) under a secret key: what a service keeps instead of a customer id, so the value proves
 * which customer it stands for to whoever knows the id and the key, and tells nobody else anything (an unkeyed hash of
 * an id can be recomputed from a guess). Thread-safe.
 */
public final class KeyedHash {

    private static final String ALGORITHM = "HmacSHA256";

    private final Mac prototype;

    private KeyedHash(String key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            this.prototype = mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * The keyed hash under {@code key}, refusing at startup a key that must not be used: a blank one always; where
     * default keys are forbidden (production), the local default and one shorter than {@code minLength} characters.
     *
     * @param property         the property holding the key, named in the error
     * @param environment      the environment variable that sets it in production, named in the error
     * @param localDefault     the key the service ships with for local runs
     * @param allowDefaultKeys {@code triage.platform.security.allow-default-keys}
     * @param minLength        the shortest key accepted where default keys are forbidden; 0 for any
     */
    public static KeyedHash checked(String property, String environment, String key, String localDefault,
            boolean allowDefaultKeys, int minLength) {
        if (key.isBlank()) {
            throw new IllegalStateException(property + " is empty; set a secret key (" + environment + ")");
        }
        if (!allowDefaultKeys) {
            if (key.equals(localDefault)) {
                throw new IllegalStateException(property + " is the local default and "
                        + "triage.platform.security.allow-default-keys=false; set " + environment);
            }
            if (key.length() < minLength) {
                throw new IllegalStateException(property + " must have at least " + minLength + " characters");
            }
        }
        return new KeyedHash(key);
    }

    /** The lower-case hex HMAC-SHA256 of {@code value}'s UTF-8 bytes. */
    public String of(String value) {
        try {
            Mac mac = (Mac) prototype.clone();
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }
}
