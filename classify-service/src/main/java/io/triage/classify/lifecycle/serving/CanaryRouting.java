package io.triage.classify.lifecycle.serving;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Decides by a stable hash of the ticket id whether a ticket goes to the canary: the same ticket always lands on
 * the same side, on every replica and after restarts.
 */
final class CanaryRouting {

    private static final int BUCKETS = 10_000;

    private CanaryRouting() {
    }

    static boolean inCanary(String ticketId, double share) {
        CRC32 crc = new CRC32();
        crc.update(ticketId.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % BUCKETS < Math.round(share * BUCKETS);
    }
}
