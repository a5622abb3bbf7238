package io.triage.simulators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests can move forward, so token expiry and "the most recent minute is excluded" rules can be exercised
 * without sleeping. Starts at the given instant; {@link #system()} follows the wall clock instead.
 */
public final class SimClock extends Clock {

    private final AtomicReference<Instant> fixed;

    private SimClock(Instant start) {
        this.fixed = new AtomicReference<>(start);
    }

    /** A clock standing at {@code start} until {@link #advance(Duration)} moves it. */
    public static SimClock at(Instant start) {
        return new SimClock(start);
    }

    /** A clock following the wall clock (standalone runs); {@link #advance(Duration)} is not supported. */
    public static Clock system() {
        return Clock.systemUTC();
    }

    public void advance(Duration duration) {
        fixed.updateAndGet(now -> now.plus(duration));
    }

    @Override
    public Instant instant() {
        return fixed.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("simulators work in UTC");
    }
}
