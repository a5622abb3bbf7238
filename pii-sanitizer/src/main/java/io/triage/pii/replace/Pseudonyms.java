package io.triage.pii.replace;

import io.triage.pii.PiiType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: HMAC-SHA256 over kind and value with a secret key, never a plain hash, so a value cannot be
 * recovered by hashing guesses without the key. The same value gives the same pseudonym in every text.
 */
public final class Pseudonyms {

    private static final String ALGORITHM = "HmacSHA256";
    /** 12 hex digits (48 bits) keep collisions negligible for per-tenant volumes and stay readable. */
    private static final int HEX_DIGITS = 12;
    private static final int MIN_KEY_BYTES = 16;

    private final SecretKeySpec key;

    /** @param key the secret; at least 16 bytes, taken from the environment, never from source or config files */
    public Pseudonyms(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("pseudonym key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The pseudonym for a canonical value of the given kind, as lower-case hex. */
    public String pseudonym(PiiType type, String canonicalValue) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((type.name() + ":" + canonicalValue).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
