package io.triage.audit.verify;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.audit.chain.AuditLog;
import io.triage.audit.chain.CanonicalForm;
import io.triage.audit.chain.ChainHead;
import io.triage.audit.checkpoint.Checkpoint;
import io.triage.audit.checkpoint.CheckpointSigner;
import io.triage.audit.checkpoint.Checkpoints;
import io.triage.audit.checkpoint.MerkleTree;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies a range of the live chain: re-computes every event hash and link ({@link ChainVerifier}), compares the
 * end with the chain head, and re-computes the Merkle root and signature of every checkpoint inside the range —
 * which also catches a rewrite that re-hashed everything after an edit, since that needs the signing key.
 */
@Service
public class AuditVerification {

    private final AuditLog log;
    private final Checkpoints checkpoints;
    private final CheckpointSigner signer;
    private final MeterRegistry meters;

    AuditVerification(AuditLog log, Checkpoints checkpoints, CheckpointSigner signer, MeterRegistry meters) {
        this.log = log;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.meters = meters;
    }

    /**
     * One snapshot for the head, the rows and the checkpoints (REPEATABLE READ): an event appended while this runs is
     * either wholly in it or not at all. Read under READ COMMITTED, the head and the rows came from different moments,
     * and an append in between was reported as rows beyond the head, i.e. as tampering.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public VerificationReport verify(@Nullable Long fromSeq, @Nullable Long toSeq) {
        long started = System.nanoTime();
        ChainHead head = log.head();
        long from = fromSeq == null ? firstLivePosition() : Math.max(1, fromSeq);
        long to = toSeq == null ? Long.MAX_VALUE : toSeq;
        ChainVerifier verifier = new ChainVerifier(from, anchor(from));
        log.forEachInRange(from, to, verifier::accept);
        boolean reachesHead = to >= head.seq();
        List<Finding> findings = new ArrayList<>(verifier.finish(reachesHead ? head.seq() : null, head.hash()));
        List<Checkpoint> covered = checkpoints.within(from, to);
        covered.forEach(checkpoint -> checkCheckpoint(checkpoint, findings));
        findings.sort(Comparator.comparingLong(Finding::seq));
        Long firstBroken = findings.isEmpty() ? null : findings.getFirst().seq();
        double seconds = (System.nanoTime() - started) / 1e9;
        meters.counter("audit_verified_events_total").increment(verifier.checked());
        return new VerificationReport(from, Math.min(to, Math.max(head.seq(), from - 1)), verifier.checked(),
                covered.size(), findings.isEmpty(), firstBroken, List.copyOf(findings), seconds);
    }

    private long firstLivePosition() {
        return log.firstLiveSeq();
    }

    /**
     * Genesis for position 1; else the stored hash before {@code from}, or the last hash of the archive ending
     * there; {@code null} (trust the first row's link) when neither exists.
     */
    private byte @Nullable [] anchor(long from) {
        if (from == 1) {
            return CanonicalForm.GENESIS;
        }
        List<byte[]> previous = log.hashes(from - 1, from - 1);
        return previous.size() == 1 ? previous.getFirst() : log.archivedHashAt(from - 1).orElse(null);
    }

    private void checkCheckpoint(Checkpoint checkpoint, List<Finding> findings) {
        if (!signer.verify(checkpoint.statement(), Base64.getDecoder().decode(checkpoint.signature()))) {
            findings.add(new Finding(checkpoint.fromSeq(), FindingKind.CHECKPOINT_MISMATCH,
                    "checkpoint " + checkpoint.id() + " has an invalid signature"));
            return;
        }
        List<byte[]> hashes = log.hashes(checkpoint.fromSeq(), checkpoint.toSeq());
        if (hashes.isEmpty()) {
            return;
        }
        String root = HexFormat.of().formatHex(MerkleTree.root(hashes));
        if (!root.equals(checkpoint.root())) {
            findings.add(new Finding(checkpoint.fromSeq(), FindingKind.CHECKPOINT_MISMATCH, "checkpoint "
                    + checkpoint.id() + " (" + checkpoint.fromSeq() + ".." + checkpoint.toSeq()
                    + ") no longer matches the stored events"));
        }
    }
}
