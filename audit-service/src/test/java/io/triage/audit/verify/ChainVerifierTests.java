package io.triage.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.triage.audit.chain.AuditEvent;
import io.triage.audit.chain.CanonicalForm;
import io.triage.audit.chain.Prediction;
import io.triage.audit.chain.RoutingMethod;
import org.junit.jupiter.api.Test;

class ChainVerifierTests {

    static final HexFormat HEX = HexFormat.of();

    static AuditEvent event(long seq, String department, String prevHash, String hash) {
        return new AuditEvent(seq, new UUID(0, seq), Instant.parse("2026-11-25T10:00:00Z"),
                Instant.parse("2026-11-25T09:59:59Z"), "ref-" + seq, null, "T-" + seq, null, null, null, "m1", null,
                RoutingMethod.ML, new Prediction(department, "low", null), new BigDecimal("0.900000"), "email", "en",
                null, Map.of("ml", 10L), null, prevHash, hash);
    }

    static List<AuditEvent> chain(int n) {
        List<AuditEvent> events = new ArrayList<>();
        byte[] prev = CanonicalForm.GENESIS;
        for (long seq = 1; seq <= n; seq++) {
            AuditEvent unhashed = event(seq, "billing", HEX.formatHex(prev), "");
            byte[] hash = CanonicalForm.hash(prev, unhashed);
            events.add(event(seq, "billing", HEX.formatHex(prev), HEX.formatHex(hash)));
            prev = hash;
        }
        return events;
    }

    static List<Finding> verify(List<AuditEvent> rows, long headSeq, String headHash) {
        ChainVerifier verifier = new ChainVerifier(1, CanonicalForm.GENESIS);
        rows.forEach(verifier::accept);
        return verifier.finish(headSeq, HEX.parseHex(headHash));
    }

    static AuditEvent at(AuditEvent e, long seq) {
        return new AuditEvent(seq, e.eventId(), e.recordedAt(), e.decidedAt(), e.ticketRef(), e.userRef(),
                e.ticketId(), e.userId(), e.onBehalfOfRef(), e.onBehalfOf(), e.modelVersion(), e.ruleSetVersion(),
                e.routingMethod(), e.prediction(), e.confidence(), e.channel(), e.language(), e.customerSegment(),
                e.tierLatenciesMicros(), e.traceId(), e.prevHash(), e.hash());
    }

    @Test
    void intactChainHasNoFindings() {
        List<AuditEvent> chain = chain(20);
        assertThat(verify(chain, 20, chain.getLast().hash())).isEmpty();
    }

    @Test
    void plainIdsAreNotCovered() {
        List<AuditEvent> chain = new ArrayList<>(chain(5));
        AuditEvent e = chain.get(2);
        chain.set(2, new AuditEvent(e.seq(), e.eventId(), e.recordedAt(), e.decidedAt(), e.ticketRef(), e.userRef(),
                null, null, e.onBehalfOfRef(), null, e.modelVersion(), e.ruleSetVersion(), e.routingMethod(),
                e.prediction(), e.confidence(), e.channel(), e.language(), e.customerSegment(),
                e.tierLatenciesMicros(), e.traceId(), e.prevHash(), e.hash()));
        assertThat(verify(chain, 5, chain.getLast().hash())).isEmpty();
    }

    @Test
    void truncatedTailIsReportedAgainstTheHead() {
        List<AuditEvent> chain = chain(10);
        List<Finding> findings = verify(chain.subList(0, 8), 10, chain.getLast().hash());
        assertThat(findings).extracting(Finding::seq, Finding::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(9L, FindingKind.REMOVED));
    }

    @Test
    void movedEventIsReportedAsReordered() {
        List<AuditEvent> chain = chain(10);
        List<AuditEvent> moved = new ArrayList<>(chain.subList(0, 3));
        moved.add(at(chain.get(6), 4));
        moved.add(at(chain.get(3), 5));
        moved.add(at(chain.get(4), 6));
        moved.add(at(chain.get(5), 7));
        moved.addAll(chain.subList(7, 10));
        List<Finding> findings = verify(moved, 10, chain.getLast().hash());
        assertThat(findings.getFirst().seq()).isEqualTo(4);
        assertThat(findings).extracting(Finding::kind).contains(FindingKind.REORDERED)
                .doesNotContain(FindingKind.ALTERED);
    }

    @Test
    void positionsHeldByAVerifiedArchiveAreNoGap() {
        List<AuditEvent> chain = chain(10);
        ArchivedRanges archived = new ArchivedRanges(List.of(new ArchivedRanges.Range(1, 3, chain.get(2).hash())));
        ChainVerifier verifier = new ChainVerifier(1, CanonicalForm.GENESIS, CanonicalForm::hash, archived);
        chain.subList(3, 10).forEach(verifier::accept);
        assertThat(verifier.finish(10L, HEX.parseHex(chain.getLast().hash()))).isEmpty();
    }

    @Test
    void missingPositionsNoArchiveHoldsAreRemoved() {
        List<AuditEvent> chain = chain(10);
        ArchivedRanges archived = new ArchivedRanges(List.of(new ArchivedRanges.Range(1, 2, chain.get(1).hash())));
        ChainVerifier verifier = new ChainVerifier(1, CanonicalForm.GENESIS, CanonicalForm::hash, archived);
        chain.subList(4, 10).forEach(verifier::accept);
        List<Finding> findings = verifier.finish(10L, HEX.parseHex(chain.getLast().hash()));
        assertThat(findings).extracting(Finding::seq, Finding::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, FindingKind.REMOVED));
        assertThat(findings.getFirst().detail()).contains("3..4");
    }

    @Test
    void aLinkIntoAnArchiveMustMatchItsLastHash() {
        List<AuditEvent> chain = chain(10);
        ArchivedRanges archived = new ArchivedRanges(List.of(new ArchivedRanges.Range(1, 3, chain.get(5).hash())));
        ChainVerifier verifier = new ChainVerifier(1, CanonicalForm.GENESIS, CanonicalForm::hash, archived);
        chain.subList(3, 10).forEach(verifier::accept);
        assertThat(verifier.finish(10L, HEX.parseHex(chain.getLast().hash()))).extracting(Finding::seq)
                .containsExactly(4L);
    }

    @Test
    void archivedRangesReportWhatTheyDoNotCover() {
        ArchivedRanges archived = new ArchivedRanges(List.of(new ArchivedRanges.Range(10, 19, null),
                new ArchivedRanges.Range(1, 4, null)));
        assertThat(archived.uncovered(1, 30)).containsExactly(new long[] {5, 9}, new long[] {20, 30});
        assertThat(archived.uncovered(10, 19)).isEmpty();
        assertThat(archived.uncovered(3, 12)).containsExactly(new long[] {5, 9});
    }

    @Test
    void keyedChainRecomputedWithoutTheKeyIsAltered() throws Exception {
        javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
        hmac.init(new javax.crypto.spec.SecretKeySpec("chain-key".getBytes(), "HmacSHA256"));
        ChainHash keyed = (prev, event) -> {
            hmac.update(prev);
            return hmac.doFinal(CanonicalForm.keyedBytes(event));
        };
        List<AuditEvent> chain = new ArrayList<>();
        byte[] prev = CanonicalForm.GENESIS;
        for (long seq = 1; seq <= 6; seq++) {
            // seq 4 is forged: its hash and every later one computed without the key
            ChainHash hash = seq < 4 ? keyed : CanonicalForm::hash;
            byte[] next = hash.of(prev, event(seq, seq == 4 ? "fraud" : "billing", HEX.formatHex(prev), ""));
            chain.add(event(seq, seq == 4 ? "fraud" : "billing", HEX.formatHex(prev), HEX.formatHex(next)));
            prev = next;
        }
        ChainVerifier verifier = new ChainVerifier(1, CanonicalForm.GENESIS, keyed, ArchivedRanges.NONE);
        chain.forEach(verifier::accept);
        assertThat(verifier.finish(6L, prev)).extracting(Finding::seq, Finding::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4L, FindingKind.ALTERED),
                org.assertj.core.groups.Tuple.tuple(5L, FindingKind.ALTERED),
                org.assertj.core.groups.Tuple.tuple(6L, FindingKind.ALTERED));
    }
}
