package io.triage.simulators.zendesk;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.triage.simulators.SimRequest;

/**
 * Opaque incremental-export cursor: the (generated_timestamp, id) after which the next page starts, base64url-encoded.
 *
 * @param timestamp generated_timestamp (epoch seconds) of the last ticket handed out
 * @param id        its id, breaking ties between tickets updated in the same second
 */
record ExportCursor(long timestamp, long id) implements Comparable<ExportCursor> {

    static ExportCursor of(long timestamp, long id) {
        return new ExportCursor(timestamp, id);
    }

    static ExportCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            return new ExportCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new SimRequest.BadRequest("invalid cursor");
        }
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((timestamp + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int compareTo(ExportCursor other) {
        int byTime = Long.compare(timestamp, other.timestamp);
        return byTime != 0 ? byTime : Long.compare(id, other.id);
    }
}
