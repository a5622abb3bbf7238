package io.triage.classify.chain;

import io.triage.classify.tier.Hashes;
import org.jspecify.annotations.Nullable;

/**
 * The SHA-256 of a {@code /classify} request's canonical form, which tells a repeat sent with the same
 * {@code Idempotency-Key} from another request reusing it. The canonical form lists ticketId, subject, description,
 * channel, customerId and sourceSystem in that order, each as its length and its value, an absent one as {@code -}:
 * no two different requests share a form (an absent subject is not an empty one, and no text can shift into the
 * next field). language and customerSegment follow only when either is given, so a request without them keeps the
 * fingerprint it had before they existed (a retry across an upgrade is still a repeat).
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(TicketInput input) {
        StringBuilder canonical = new StringBuilder();
        field(canonical, input.ticketId());
        field(canonical, input.subject());
        field(canonical, input.description());
        field(canonical, input.channel());
        field(canonical, input.customerId());
        field(canonical, input.sourceSystem());
        if (input.language() != null || input.customerSegment() != null) {
            field(canonical, input.language());
            field(canonical, input.customerSegment());
        }
        return Hashes.sha256(canonical.toString());
    }

    private static void field(StringBuilder canonical, @Nullable String value) {
        if (value == null) {
            canonical.append("-;");
        } else {
            canonical.append(value.length()).append(':').append(value).append(';');
        }
    }
}
