package io.triage.benchmarks.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.triage.audit.chain.AuditEvent;
import io.triage.audit.chain.CanonicalForm;
import io.triage.audit.chain.Prediction;
import io.triage.audit.chain.RoutingMethod;
import io.triage.audit.checkpoint.MerkleTree;
import io.triage.audit.verify.ChainVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The CPU cost of the tamper evidence alone, in process (no HTTP, no database): hashing one event into the chain,
 * re-verifying a chain, and a Merkle root over a checkpoint range. Throughput in events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ChainHashingBenchmark {

    static final int CHAIN = 10_000;
    static final HexFormat HEX = HexFormat.of();

    private List<AuditEvent> chain;
    private List<byte[]> hashes;
    private AuditEvent template;

    static AuditEvent event(long seq, String prev, String hash) {
        return new AuditEvent(seq, new UUID(seq, seq), Instant.parse("2026-11-25T10:00:00.123456Z"),
                Instant.parse("2026-11-25T09:59:59.5Z"), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                null, "INC" + seq, "agent-7", null, null, "m-2026.11.1", "rs-12", RoutingMethod.ML,
                new Prediction("billing", "high", "negative"), new BigDecimal("0.910000"), "email", "en", "retail",
                Map.of("rules", 120L, "ml", 840L), "4bf92f3577b34da6", prev, hash);
    }

    @Setup
    public void buildChain() {
        chain = new ArrayList<>(CHAIN);
        hashes = new ArrayList<>(CHAIN);
        byte[] prev = CanonicalForm.GENESIS;
        for (long seq = 1; seq <= CHAIN; seq++) {
            byte[] hash = CanonicalForm.hash(prev, event(seq, HEX.formatHex(prev), "")); // the hash covers every field but its own
            chain.add(event(seq, HEX.formatHex(prev), HEX.formatHex(hash)));
            hashes.add(hash);
            prev = hash;
        }
        template = chain.get(CHAIN / 2);
    }

    @Benchmark
    public byte[] hashOneEvent() {
        return CanonicalForm.hash(CanonicalForm.GENESIS, template);
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public int verifyChainOf10000() {
        ChainVerifier verifier = new ChainVerifier(1, CanonicalForm.GENESIS);
        chain.forEach(verifier::accept);
        return verifier.finish((long) CHAIN, hashes.getLast()).size();
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public byte[] merkleRootOf10000() {
        return MerkleTree.root(hashes);
    }
}
