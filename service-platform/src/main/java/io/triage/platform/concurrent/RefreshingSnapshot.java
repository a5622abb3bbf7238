package io.triage.platform.concurrent;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from a shared store (figures other replicas also change) and kept in memory: the first {@link #get()}
 * reads it, later ones answer what was read, and once it is older than {@code maxAge} one background virtual thread
 * reads it again while callers go on with the previous value (a ticket never waits for the store). A failed
 * background read keeps the previous value and is logged; {@link #refresh()} reads it at once (after a change made
 * on this replica).
 *
 * @param <T> the value
 */
public final class RefreshingSnapshot<T> {

    private static final Logger log = LoggerFactory.getLogger(RefreshingSnapshot.class);

    private record Loaded<T>(T value, long loadedAtNanos) {
    }

    private final String name;
    private final Supplier<T> loader;
    private final Supplier<Duration> maxAge;
    private final LongSupplier nanoClock;
    private final AtomicReference<@Nullable Loaded<T>> loaded = new AtomicReference<>();
    private final AtomicBoolean loading = new AtomicBoolean();

    /**
     * @param name   names the refresh thread ({@code name-refresh}) and the log line of a failed read
     * @param loader reads the value from the store; may throw
     * @param maxAge how long a value is answered before it is read again (read on every refresh, so a changed setting
     *               counts from the next call)
     */
    public RefreshingSnapshot(String name, Supplier<T> loader, Supplier<Duration> maxAge) {
        this(name, loader, maxAge, System::nanoTime);
    }

    RefreshingSnapshot(String name, Supplier<T> loader, Supplier<Duration> maxAge, LongSupplier nanoClock) {
        this.name = Objects.requireNonNull(name, "name");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /**
     * The value: read now when there is none yet (a failure then reaches the caller), else the one in memory, with a
     * background read started when it is older than {@code maxAge} and none is running.
     */
    public T get() {
        Loaded<T> current = loaded.get();
        if (current == null) {
            loaded.compareAndSet(null, read());
            return Objects.requireNonNull(loaded.get(), "just read").value();
        }
        if (nanoClock.getAsLong() - current.loadedAtNanos() > maxAge.get().toNanos()
                && loading.compareAndSet(false, true)) {
            Thread.ofVirtual().name(name + "-refresh").start(() -> {
                try {
                    loaded.set(read());
                } catch (RuntimeException e) {
                    log.warn("could not read {} again; keeping the previous value: {}", name, e.toString());
                } finally {
                    loading.set(false);
                }
            });
        }
        return current.value();
    }

    /** Reads the value now, on the caller's thread (a failure reaches the caller and keeps the previous value). */
    public void refresh() {
        loaded.set(read());
    }

    private Loaded<T> read() {
        return new Loaded<>(Objects.requireNonNull(loader.get(), () -> name + " read nothing"),
                nanoClock.getAsLong());
    }
}
