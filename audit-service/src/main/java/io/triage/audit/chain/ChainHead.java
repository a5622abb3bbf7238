package io.triage.audit.chain;

import java.time.Instant;

/** The last position of the chain, its hash and its recording time (the next event is never recorded earlier). */
public record ChainHead(long seq, byte[] hash, Instant recordedAt) {
}
