package io.triage.simulators;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/** Reads an {@code Authorization: Basic …} header and compares it in constant time. */
public final class BasicCredentials {

    private BasicCredentials() {
    }

    /** True when the header (null when absent) is Basic auth for exactly {@code user:secret}. */
    public static boolean matches(@Nullable String authorization, String user, String secret) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] sent;
        try {
            sent = Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sent, (user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** The header value a client would send. */
    public static String header(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
