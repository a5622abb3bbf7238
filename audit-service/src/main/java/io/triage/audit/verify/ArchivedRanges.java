package io.triage.audit.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The chain positions that verified archive manifests cover (their rows may be gone from the database), with the
 * hash of each archive's last event, the anchor of the chain after it.
 */
public final class ArchivedRanges {

    /** No archives. */
    public static final ArchivedRanges NONE = new ArchivedRanges(List.of());

    /** One archived range; {@code lastHash} is hex. */
    public record Range(long from, long to, @Nullable String lastHash) {
    }

    private final List<Range> ranges;

    public ArchivedRanges(List<Range> ranges) {
        this.ranges = ranges.stream().filter(r -> r.to() >= r.from())
                .sorted(Comparator.comparingLong(Range::from)).toList();
    }

    /** The parts of {@code from..to} that no archive covers, each as {@code [first, last]}, in order. */
    public List<long[]> uncovered(long from, long to) {
        List<long[]> parts = new ArrayList<>();
        long next = from;
        for (Range range : ranges) {
            if (range.to() < next) {
                continue;
            }
            if (range.from() > to) {
                break;
            }
            if (range.from() > next) {
                parts.add(new long[] {next, range.from() - 1});
            }
            next = Math.max(next, range.to() + 1);
            if (next > to) {
                return parts;
            }
        }
        if (next <= to) {
            parts.add(new long[] {next, to});
        }
        return parts;
    }

    /** The last hash of the archive that ends exactly at {@code seq}. */
    public Optional<byte[]> lastHashAt(long seq) {
        return ranges.stream().filter(r -> r.to() == seq && r.lastHash() != null).findFirst()
                .map(r -> HexFormat.of().parseHex(r.lastHash()));
    }
}
