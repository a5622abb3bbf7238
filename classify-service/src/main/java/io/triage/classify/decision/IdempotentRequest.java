package io.triage.classify.decision;

import java.util.regex.Pattern;

import io.triage.platform.problem.InvalidInputException;

/**
 * A {@code POST /classify} request sent with an {@code Idempotency-Key} header (IETF draft "The Idempotency-Key HTTP
 * Header Field"): the caller's opaque key and the SHA-256 of the canonical request, so that a repeat is answered from
 * the decision log and a reuse of the key for another request is refused.
 *
 * @param key         the key as sent: 1 to 200 printable ASCII characters, else 400 naming {@value #HEADER}
 * @param requestHash lower-case hex SHA-256 of the canonical request
 */
public record IdempotentRequest(String key, String requestHash) {

    /** The request header that carries the key. */
    public static final String HEADER = "Idempotency-Key";

    /** The response header that marks an answer replayed from the decision log. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,200}");

    public IdempotentRequest {
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException(HEADER, "must be 1 to 200 printable ASCII characters (space to ~), got "
                    + key.length() + " characters");
        }
    }
}
