package io.triage.ingestion.writeback;

import java.util.UUID;

/** A delivery of a write-back another delivery holds: left incomplete, so it is redelivered later. */
class WriteBackInFlightException extends RuntimeException {

    WriteBackInFlightException(UUID id) {
        super("write-back " + id + " is being delivered by another thread or replica; this delivery is redelivered "
                + "later");
    }
}
