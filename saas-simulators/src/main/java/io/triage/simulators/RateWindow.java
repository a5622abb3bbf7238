package io.triage.simulators;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/** A sliding-window request budget, e.g. 10 requests per minute. Thread-safe. */
public final class RateWindow {

    private final int limit;
    private final Duration window;
    private final Deque<Instant> calls = new ArrayDeque<>();

    /** {@code limit} requests per {@code window}; a limit of 0 or less never refuses. */
    public RateWindow(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    public int limit() {
        return limit;
    }

    /** Counts a request made at {@code now}; when the budget is spent, counts nothing and returns the seconds to wait. */
    public synchronized OptionalLong acquire(Instant now) {
        if (limit <= 0) {
            return OptionalLong.empty();
        }
        forgetBefore(now);
        if (calls.size() >= limit) {
            Instant freed = calls.peekFirst().plus(window);
            return OptionalLong.of(Math.max(1, Duration.between(now, freed).toSeconds()));
        }
        calls.addLast(now);
        return OptionalLong.empty();
    }

    /** Requests left in the window at {@code now}. */
    public synchronized int remaining(Instant now) {
        forgetBefore(now);
        return Math.max(0, limit - calls.size());
    }

    public synchronized void clear() {
        calls.clear();
    }

    private void forgetBefore(Instant now) {
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(now.minus(window))) {
            calls.pollFirst();
        }
    }
}
