package io.triage.audit.checkpoint;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.triage.audit.chain.AuditEvent;
import io.triage.audit.chain.AuditLog;
import io.triage.audit.chain.ChainHasher;
import io.triage.platform.problem.ConflictException;
import io.triage.platform.problem.NotFoundException;
import org.springframework.stereotype.Service;

/** Builds inclusion proofs; an event not yet covered by a checkpoint gets one taken on demand. */
@Service
public class Proofs {

    private final AuditLog log;
    private final Checkpoints checkpoints;
    private final CheckpointSigner signer;
    private final ChainHasher hasher;

    Proofs(AuditLog log, Checkpoints checkpoints, CheckpointSigner signer, ChainHasher hasher) {
        this.log = log;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.hasher = hasher;
    }

    public InclusionProof proof(UUID eventId) {
        AuditEvent event = log.findByEventId(eventId)
                .orElseThrow(() -> new NotFoundException("No event " + eventId + " in the live log"));
        Checkpoint checkpoint = checkpoints.covering(event.seq())
                .or(() -> {
                    checkpoints.checkpointNow();
                    return checkpoints.covering(event.seq());
                })
                .orElseThrow(() -> new ConflictException("Event " + eventId + " is not covered by a checkpoint yet"));
        List<byte[]> hashes = log.hashes(checkpoint.fromSeq(), checkpoint.toSeq());
        int index = Math.toIntExact(event.seq() - checkpoint.fromSeq());
        HexFormat hex = HexFormat.of();
        List<String> path = MerkleTree.inclusionPath(hashes, index).stream().map(hex::formatHex).toList();
        return new InclusionProof(event, hasher.scheme(event.seq()),
                Base64.getEncoder().encodeToString(hasher.canonicalBytes(event)), index,
                hashes.size(), path, checkpoint, checkpoint.statement(), signer.publicKey(), InclusionProof.ALGORITHM);
    }
}
