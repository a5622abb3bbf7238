package io.triage.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.triage.platform.PlatformProperties.ApiKey;
import org.jspecify.annotations.Nullable;

/**
 * Looks an API key up among the configured ones in constant time: every configured key is compared (as SHA-256
 * digests, so lengths never leak) whatever the outcome, and {@link MessageDigest#isEqual} does not stop early. A
 * configured key may be given as its digest only ({@code key-sha256}), so the service never holds the key itself.
 */
public final class ApiKeyAuthenticator {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final List<Entry> entries;

    /**
     * @throws IllegalStateException naming the property when a key gives both {@code key} and {@code key-sha256},
     *     or a digest that is not 64 hex digits (a start-up failure, not a key that silently never matches)
     */
    public ApiKeyAuthenticator(List<ApiKey> keys) {
        List<Entry> checked = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            byte[] digest = digestOf(keys.get(i), "triage.platform.security.api-keys[" + i + "]");
            if (digest != null) {
                checked.add(new Entry(keys.get(i), digest));
            }
        }
        this.entries = List.copyOf(checked);
    }

    /** The key holder whose key equals {@code presented}, if any. */
    public Optional<ApiKey> authenticate(String presented) {
        byte[] digest = sha256(presented);
        ApiKey match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest)) {
                match = entry.key();
            }
        }
        return Optional.ofNullable(match);
    }

    /** Whether any configured key is one of {@code keys} (given in plain or as the digest of one). */
    boolean acceptsAnyOf(Iterable<String> keys) {
        for (String key : keys) {
            byte[] digest = sha256(key);
            if (entries.stream().anyMatch(entry -> MessageDigest.isEqual(entry.digest(), digest))) {
                return true;
            }
        }
        return false;
    }

    /** The digest to compare with, or null for an entry without a key (an unset Secret value: never matches). */
    private static byte @Nullable [] digestOf(ApiKey key, String property) {
        String plain = blankToNull(key.key());
        String hex = blankToNull(key.keySha256());
        if (plain != null && hex != null) {
            throw new IllegalStateException(property + " gives both key and key-sha256; give one of them (the "
                    + "digest only, where the service should not hold the key)");
        }
        if (hex != null) {
            if (!SHA256_HEX.matcher(hex).matches()) {
                throw new IllegalStateException(property + ".key-sha256 must be the SHA-256 digest of the key as 64 "
                        + "hex digits (printf %s \"$KEY\" | sha256sum), got " + hex.length() + " characters");
            }
            return HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
        }
        return plain == null ? null : sha256(plain);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private record Entry(ApiKey key, byte[] digest) {
    }
}
