package io.triage.audit.checkpoint;

import java.time.Instant;

import io.triage.audit.chain.CanonicalForm;

/**
 * A signed Merkle root over chain positions {@code fromSeq..toSeq}. The signature (Ed25519, base64) is over
 * {@link #statement()}, which a third party rebuilds from the other fields.
 */
public record Checkpoint(
        long id,
        long fromSeq,
        long toSeq,
        String root,
        String lastHash,
        Instant createdAt,
        String keyId,
        String signature) {

    /** The exact signed text (UTF-8), see the README. */
    public String statement() {
        return statement(fromSeq, toSeq, root, lastHash, createdAt, keyId);
    }

    static String statement(long from, long to, String root, String lastHash, Instant createdAt, String keyId) {
        return "triage-audit-checkpoint/v1\nfrom=" + from + "\nto=" + to + "\nroot=" + root + "\nlast=" + lastHash
                + "\ncreated=" + CanonicalForm.time(createdAt) + "\nkey=" + keyId + "\n";
    }
}
