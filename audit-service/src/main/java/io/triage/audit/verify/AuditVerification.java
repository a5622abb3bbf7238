package io.triage.audit.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.triage.audit.chain.AuditLog;
import io.triage.audit.chain.CanonicalForm;
import io.triage.audit.chain.ChainHasher;
import io.triage.audit.chain.ChainHead;
import io.triage.audit.checkpoint.Checkpoint;
import io.triage.audit.checkpoint.Checkpoints;
import io.triage.audit.manifest.ArchivedMonth;
import io.triage.audit.manifest.VerifiedArchives;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies the chain: re-computes every event hash (keyed where the chain is) and link ({@link ChainVerifier}) from
 * the first stored row on, compares the end with the chain head, and accounts for every position before and
 * between the stored rows: each must be held by an archive whose signed manifest verifies. Every signed checkpoint
 * is re-computed or, where its rows are gone, must be covered likewise ({@link CheckpointCheck}); and the
 * checkpoints are compared with their write-once mirror.
 */
@Service
public class AuditVerification {

    private final AuditLog log;
    private final ChainHasher hasher;
    private final Checkpoints checkpoints;
    private final CheckpointCheck checkpointCheck;
    private final VerifiedArchives archives;
    private final VerificationMetrics metrics;

    AuditVerification(AuditLog log, ChainHasher hasher, Checkpoints checkpoints, CheckpointCheck checkpointCheck,
            VerifiedArchives archives, VerificationMetrics metrics) {
        this.log = log;
        this.hasher = hasher;
        this.checkpoints = checkpoints;
        this.checkpointCheck = checkpointCheck;
        this.archives = archives;
        this.metrics = metrics;
    }

    /**
     * One snapshot for the head, the rows, the archives and the checkpoints (REPEATABLE READ): an event appended
     * while this runs is either wholly in it or not at all. Without {@code fromSeq}, the positions from 1 on are
     * accounted for (stored or archived) and the report starts at the first stored row.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public VerificationReport verify(@Nullable Long fromSeq, @Nullable Long toSeq) {
        long started = System.nanoTime();
        ChainHead head = log.head();
        List<Finding> findings = new ArrayList<>();
        long start = fromSeq == null ? 1 : Math.max(1, fromSeq);
        long to = toSeq == null ? Long.MAX_VALUE : toSeq;
        ArchivedRanges archived = archivedRanges(start, to, findings);
        ChainVerifier verifier = new ChainVerifier(start, anchor(start, archived), hasher::hash, archived);
        log.forEachInRange(start, to, verifier::accept);
        boolean reachesHead = to >= head.seq();
        findings.addAll(verifier.finish(reachesHead ? head.seq() : null, head.hash()));
        List<Checkpoint> covered = checkpoints.within(start, to);
        checkpointCheck.check(covered, start, to, archived, findings);
        findings.sort(Comparator.comparingLong(Finding::seq));
        Long firstBroken = findings.isEmpty() ? null : findings.getFirst().seq();
        long from = fromSeq != null ? start : log.firstStoredSeq().orElse(head.seq() + 1);
        double seconds = (System.nanoTime() - started) / 1e9;
        metrics.verified(verifier.checked(), findings.size());
        return new VerificationReport(from, Math.min(to, Math.max(head.seq(), from - 1)), verifier.checked(),
                covered.size(), findings.isEmpty(), firstBroken, List.copyOf(findings), seconds);
    }

    /**
     * Archives whose manifest verifies cover their positions; any other archive record (of an empty month, or
     * overlapping {@code from..to}) is itself a finding.
     */
    private ArchivedRanges archivedRanges(long from, long to, List<Finding> findings) {
        List<ArchivedRanges.Range> ranges = new ArrayList<>();
        for (ArchivedMonth month : archives.list()) {
            if (month.covers()) {
                ranges.add(new ArchivedRanges.Range(month.fromSeq(), month.toSeq(), month.lastHash()));
            } else if (month.status() == ArchivedMonth.Status.INVALID
                    && (month.events() == 0 || month.toSeq() >= from && month.fromSeq() <= to)) {
                findings.add(new Finding(Math.max(month.fromSeq(), 1), FindingKind.ARCHIVE_UNVERIFIED,
                        month.detail()));
            }
        }
        return new ArchivedRanges(ranges);
    }

    /**
     * Genesis for position 1; else the stored hash before {@code from}, or the last hash of the verified archive
     * ending there; {@code null} (trust the first row's link) when neither exists.
     */
    private byte @Nullable [] anchor(long from, ArchivedRanges archived) {
        if (from == 1) {
            return CanonicalForm.GENESIS;
        }
        List<byte[]> previous = log.hashes(from - 1, from - 1);
        return previous.size() == 1 ? previous.getFirst() : archived.lastHashAt(from - 1).orElse(null);
    }
}
