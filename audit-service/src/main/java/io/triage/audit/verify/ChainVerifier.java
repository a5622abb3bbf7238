package io.triage.audit.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.triage.audit.chain.AuditEvent;
import io.triage.audit.chain.CanonicalForm;
import org.jspecify.annotations.Nullable;

/**
 * Re-computes the chain over stored rows fed in position order and classifies every break. Missing positions that
 * a verified archive covers are no finding: the chain continues from the archive's last hash. Single use, not
 * thread-safe. Keeps only a bounded window of recent hashes, so memory does not grow with the range.
 */
public final class ChainVerifier {

    private static final int WINDOW = 4_096;
    private static final HexFormat HEX = HexFormat.of();

    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Long> recent = new LinkedHashMap<>(WINDOW * 2, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > WINDOW;
        }
    };
    /** Predecessor hashes not found so far, with the index of their finding (re-classified if they turn up). */
    private final Map<String, Integer> missingPredecessors = new LinkedHashMap<>();
    private final List<AuditEvent> group = new ArrayList<>();
    private final ChainHash chainHash;
    private final ArchivedRanges archived;
    private long expectedSeq;
    private byte @Nullable [] prevHash;
    private byte @Nullable [] twoBackHash;
    private long lastSeq;
    private long checked;

    /** An unkeyed ({@code audit-event/v1}) chain without archives. */
    public ChainVerifier(long from, byte @Nullable [] anchor) {
        this(from, anchor, CanonicalForm::hash, ArchivedRanges.NONE);
    }

    /**
     * @param from first position to check
     * @param anchor the hash the event at {@code from} must link to (genesis for position 1), or {@code null} to
     *     trust the first row's own link (its predecessor is archived)
     * @param chainHash the chain hash by position (keyed or not)
     * @param archived positions whose rows may be missing because a verified archive holds them
     */
    public ChainVerifier(long from, byte @Nullable [] anchor, ChainHash chainHash, ArchivedRanges archived) {
        this.chainHash = chainHash;
        this.archived = archived;
        this.expectedSeq = from;
        this.prevHash = anchor;
        this.lastSeq = from - 1;
    }

    public void accept(AuditEvent row) {
        if (!group.isEmpty() && group.getFirst().seq() != row.seq()) {
            flush();
        }
        group.add(row);
    }

    /**
     * Completes the run. {@code headSeq}/{@code headHash} are the recorded chain head when the range reaches it
     * (a truncated tail or rows beyond the head are then reported), else {@code null}.
     */
    public List<Finding> finish(@Nullable Long headSeq, byte @Nullable [] headHash) {
        flush();
        if (headSeq != null) {
            if (lastSeq < headSeq) {
                List<long[]> missing = archived.uncovered(lastSeq + 1, headSeq);
                missing.forEach(part -> findings.add(new Finding(part[0], FindingKind.REMOVED, "positions " + part[0]
                        + ".." + part[1] + " below the chain head are missing and no verified archive holds them")));
                byte[] archivedEnd = archived.lastHashAt(headSeq).orElse(null);
                if (missing.isEmpty() && archivedEnd != null && headHash != null
                        && !Arrays.equals(archivedEnd, headHash)) {
                    findings.add(new Finding(headSeq, FindingKind.ALTERED,
                            "the last archived event does not match the chain head"));
                }
            } else if (lastSeq > headSeq) {
                findings.add(new Finding(headSeq + 1, FindingKind.INSERTED,
                        "rows beyond the chain head (" + headSeq + ") were never appended"));
            } else if (prevHash != null && headHash != null && !Arrays.equals(prevHash, headHash)) {
                findings.add(new Finding(headSeq, FindingKind.ALTERED, "the last event does not match the chain head"));
            }
        }
        return List.copyOf(findings);
    }

    public long checked() {
        return checked;
    }

    private void flush() {
        if (group.isEmpty()) {
            return;
        }
        long seq = group.getFirst().seq();
        AuditEvent row = pick(group);
        if (group.size() > 1) {
            findings.add(new Finding(seq, FindingKind.INSERTED, group.size() + " rows claim position " + seq));
        }
        group.clear();
        check(seq, row);
    }

    private AuditEvent pick(List<AuditEvent> rows) {
        for (AuditEvent row : rows) {
            if (prevHash != null && Arrays.equals(HEX.parseHex(row.prevHash()), prevHash) && selfConsistent(row)) {
                return row;
            }
        }
        return rows.getFirst();
    }

    private void check(long seq, AuditEvent row) {
        checked++;
        boolean gap = seq > expectedSeq;
        if (gap) {
            List<long[]> missing = archived.uncovered(expectedSeq, seq - 1);
            missing.forEach(part -> findings.add(new Finding(part[0], FindingKind.REMOVED, "positions " + part[0]
                    + ".." + part[1] + " are missing and no verified archive holds them")));
            byte[] archivedEnd = archived.lastHashAt(seq - 1).orElse(null);
            if (missing.isEmpty() && archivedEnd != null) {
                // the gap is an archived range: the chain continues from the archive's last hash
                prevHash = archivedEnd;
                gap = false;
            }
        }
        byte[] storedHash = HEX.parseHex(row.hash());
        byte[] storedPrev = HEX.parseHex(row.prevHash());
        Integer displaced = missingPredecessors.remove(row.hash());
        if (!selfConsistent(row)) {
            findings.add(new Finding(seq, FindingKind.ALTERED,
                    "event " + row.eventId() + " no longer matches its hash"));
        } else if (displaced != null) {
            Finding earlier = findings.get(displaced);
            findings.set(displaced, new Finding(earlier.seq(), FindingKind.REORDERED,
                    "event " + row.eventId() + " belongs before position " + earlier.seq() + " but stands at " + seq));
        } else if (prevHash != null && !gap && !Arrays.equals(storedPrev, prevHash)) {
            classifyBrokenLink(seq, row, storedPrev);
        }
        recent.put(row.hash(), seq);
        twoBackHash = prevHash;
        prevHash = storedHash;
        expectedSeq = seq + 1;
        lastSeq = seq;
    }

    private void classifyBrokenLink(long seq, AuditEvent row, byte[] storedPrev) {
        Finding last = findings.isEmpty() ? null : findings.getLast();
        boolean inDisorder = last != null && last.kind() == FindingKind.REORDERED && last.seq() >= seq - 2;
        if (!inDisorder && twoBackHash != null && Arrays.equals(storedPrev, twoBackHash)) {
            findings.add(new Finding(seq - 1, FindingKind.INSERTED,
                    "the event at position " + (seq - 1) + " was never appended"));
        } else if (inDisorder || recent.containsKey(HEX.formatHex(storedPrev))) {
            findings.add(new Finding(seq, FindingKind.REORDERED,
                    "event " + row.eventId() + " follows a different event than when it was appended"));
        } else {
            missingPredecessors.put(HEX.formatHex(storedPrev), findings.size());
            findings.add(new Finding(seq, FindingKind.REMOVED, "the event appended before " + row.eventId()
                    + " is missing"));
        }
    }

    private boolean selfConsistent(AuditEvent row) {
        return Arrays.equals(chainHash.of(HEX.parseHex(row.prevHash()), row), HEX.parseHex(row.hash()));
    }
}
