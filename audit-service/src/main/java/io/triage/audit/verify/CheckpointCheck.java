package io.triage.audit.verify;

import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.triage.audit.chain.AuditLog;
import io.triage.audit.checkpoint.Checkpoint;
import io.triage.audit.checkpoint.CheckpointMirror;
import io.triage.audit.checkpoint.CheckpointSigner;
import io.triage.audit.checkpoint.Checkpoints;
import io.triage.audit.checkpoint.MerkleTree;
import org.springframework.stereotype.Component;

/**
 * Checks the signed checkpoints of a range: each signature; each Merkle root against the stored rows, or, where
 * rows are gone, that a verified archive holds every missing position; and each checkpoint against its write-once
 * mirror copy, in both directions (a checkpoint deleted from the database is still in the mirror, and is then
 * checked from there).
 */
@Component
class CheckpointCheck {

    private final AuditLog log;
    private final Checkpoints checkpoints;
    private final CheckpointSigner signer;
    private final CheckpointMirror mirror;

    CheckpointCheck(AuditLog log, Checkpoints checkpoints, CheckpointSigner signer, CheckpointMirror mirror) {
        this.log = log;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.mirror = mirror;
    }

    void check(List<Checkpoint> covered, long from, long to, ArchivedRanges archived, List<Finding> findings) {
        covered.forEach(checkpoint -> checkAgainstRows(checkpoint, archived, findings));
        try {
            for (Checkpoint checkpoint : covered) {
                Optional<Checkpoint> copy = mirror.read(checkpoint.id());
                if (copy.isEmpty()) {
                    findings.add(new Finding(checkpoint.fromSeq(), FindingKind.MIRROR_MISMATCH, describe(checkpoint)
                            + " is missing from the write-once mirror"));
                } else if (!copy.get().equals(checkpoint)) {
                    findings.add(new Finding(checkpoint.fromSeq(), FindingKind.MIRROR_MISMATCH, describe(checkpoint)
                            + " differs from its write-once copy (mirror root " + copy.get().root()
                            + ", database root " + checkpoint.root() + ")"));
                }
            }
            Set<Long> stored = checkpoints.ids();
            for (long id : mirror.ids()) {
                Optional<Checkpoint> copy = stored.contains(id) ? Optional.empty() : mirror.read(id);
                if (copy.isPresent() && copy.get().toSeq() >= from && copy.get().fromSeq() <= to) {
                    findings.add(new Finding(copy.get().fromSeq(), FindingKind.MIRROR_MISMATCH, describe(copy.get())
                            + " is in the write-once mirror but not in the database"));
                    checkAgainstRows(copy.get(), archived, findings);
                }
            }
        } catch (IOException e) {
            findings.add(new Finding(from, FindingKind.MIRROR_MISMATCH,
                    "the write-once checkpoint mirror could not be read (" + mirror.location() + ")"));
        }
    }

    private void checkAgainstRows(Checkpoint checkpoint, ArchivedRanges archived, List<Finding> findings) {
        if (!signer.verify(checkpoint.statement(), Base64.getDecoder().decode(checkpoint.signature()))) {
            findings.add(new Finding(checkpoint.fromSeq(), FindingKind.CHECKPOINT_MISMATCH,
                    describe(checkpoint) + " has an invalid signature"));
            return;
        }
        long size = checkpoint.toSeq() - checkpoint.fromSeq() + 1;
        List<byte[]> hashes = log.hashes(checkpoint.fromSeq(), checkpoint.toSeq());
        if (hashes.size() == size) {
            String root = HexFormat.of().formatHex(MerkleTree.root(hashes));
            if (!root.equals(checkpoint.root())) {
                findings.add(new Finding(checkpoint.fromSeq(), FindingKind.CHECKPOINT_MISMATCH,
                        describe(checkpoint) + " no longer matches the stored events"));
            }
            return;
        }
        for (long[] part : archived.uncovered(checkpoint.fromSeq(), checkpoint.toSeq())) {
            long stored = log.storedPositions(part[0], part[1]);
            if (stored < part[1] - part[0] + 1) {
                long first = log.firstMissing(part[0], part[1]).orElse(part[0]);
                findings.add(new Finding(first, FindingKind.CHECKPOINT_ROWS_MISSING, describe(checkpoint)
                        + " signed positions " + checkpoint.fromSeq() + ".." + checkpoint.toSeq() + "; "
                        + (part[1] - part[0] + 1 - stored) + " of positions " + part[0] + ".." + part[1]
                        + " are missing and no verified archive manifest holds them"));
            }
        }
    }

    private static String describe(Checkpoint checkpoint) {
        return "checkpoint " + checkpoint.id() + " (positions " + checkpoint.fromSeq() + ".." + checkpoint.toSeq()
                + ")";
    }
}
