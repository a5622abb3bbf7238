package io.triage.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

import io.triage.platform.PlatformProperties.ApiKey;

/**
 * Looks an API key up among the configured ones in constant time: every configured key is compared (as SHA-256
 * digests, so lengths never leak) whatever the outcome, and {@link MessageDigest#isEqual} does not stop early.
 */
public final class ApiKeyAuthenticator {

    private final List<Entry> entries;

    public ApiKeyAuthenticator(List<ApiKey> keys) {
        this.entries = keys.stream()
                .filter(k -> k.key() != null && !k.key().isBlank())
                .map(k -> new Entry(k, sha256(k.key())))
                .toList();
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
