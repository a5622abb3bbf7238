package io.triage.audit.checkpoint;

import java.util.List;

import io.triage.audit.chain.AuditEvent;

/**
 * Everything a third party needs to check that an event is in the log, without the service: the event, its chain
 * scheme and canonical bytes (base64) and hash (re-computing an {@code audit-event/v2} hash needs the chain key;
 * the Merkle inclusion and the signature need no secret), its leaf index in the checkpoint's tree, the audit path (hex, leaf to root),
 * the signed checkpoint and statement, and the public key (X.509 DER, base64). Algorithm: see the README.
 */
public record InclusionProof(
        AuditEvent event,
        String scheme,
        String canonicalBytes,
        long leafIndex,
        long treeSize,
        List<String> auditPath,
        Checkpoint checkpoint,
        String signedStatement,
        String publicKey,
        String algorithm) {

    public static final String ALGORITHM = "event hash = SHA-256(prevHash || canonicalBytes) (audit-event/v1) or "
            + "HMAC-SHA256(chain key, prevHash || canonicalBytes) (audit-event/v2); "
            + "Merkle inclusion per RFC 9162 section 2.1.3.2 with SHA-256; checkpoint signature Ed25519 over "
            + "signedStatement (UTF-8)";
}
