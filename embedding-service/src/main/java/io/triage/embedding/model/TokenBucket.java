package io.triage.embedding.model;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket that hands out reservations: {@link #reserve} takes the permits at once (going into debt if need
 * be) and says how long the caller must wait before using them. Requests therefore queue fairly in arrival order
 * and the long-run rate never exceeds the refill rate. Thread-safe.
 */
public final class TokenBucket {

    private final double capacity;
    private final double permitsPerNano;
    private final LongSupplier nanoClock;
    private double available;
    private long lastRefill;

    /**
     * @param perMinute permits refilled per minute; also the burst capacity
     * @param nanoClock monotonic clock in nanoseconds ({@code System::nanoTime} outside tests)
     */
    public TokenBucket(long perMinute, LongSupplier nanoClock) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("perMinute must be positive: " + perMinute);
        }
        this.capacity = perMinute;
        this.permitsPerNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
        this.nanoClock = nanoClock;
        this.available = capacity;
        this.lastRefill = nanoClock.getAsLong();
    }

    /** Takes {@code permits} and returns how long to wait before they may be used (zero when available now). */
    public synchronized Duration reserve(long permits) {
        long now = nanoClock.getAsLong();
        available = Math.min(capacity, available + (now - lastRefill) * permitsPerNano);
        lastRefill = now;
        available -= permits;
        return available >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-available / permitsPerNano));
    }
}
