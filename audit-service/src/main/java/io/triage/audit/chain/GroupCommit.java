package io.triage.audit.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.triage.platform.problem.ConflictException;

/**
 * Group commit: callers queue their requests and wait; one writer thread takes whatever has queued up (at most
 * {@code maxEvents} events, but always at least one request) and writes it in one transaction, then answers every
 * caller of the group. An idle service writes a lone request at once; under load the wait for the previous commit
 * fills the next group, so the fsync and the chain-head lock are paid once per group instead of once per request.
 * <p>
 * A group that fails fails every caller in it (the transaction rolled back: nothing of any of them is written),
 * except a conflict caused by one request's own event ids, after which each request of the group is written alone.
 */
final class GroupCommit implements AutoCloseable {

    /** Writes one group in one transaction and answers each request, in order. */
    interface Writer {
        List<List<Appended>> write(List<AppendRequest> group);
    }

    private record Pending(AppendRequest request, CompletableFuture<List<Appended>> answer) {
        int size() {
            return request.events().size();
        }
    }

    private static final Pending STOP = new Pending(new AppendRequest(List.of(), ""), new CompletableFuture<>());

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private final int maxEvents;
    private final Writer writer;
    private final Thread thread;
    private volatile boolean closed;

    GroupCommit(int maxEvents, Writer writer) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("A group holds at least one event, got " + maxEvents);
        }
        this.maxEvents = maxEvents;
        this.writer = writer;
        this.thread = Thread.ofPlatform().name("audit-group-commit").daemon().start(this::run);
    }

    /** Queues {@code request} and waits until the group it was written in has committed (or failed). */
    List<Appended> append(AppendRequest request) {
        if (closed) {
            throw new IllegalStateException("The audit log is shutting down");
        }
        Pending pending = new Pending(request, new CompletableFuture<>());
        queuedEvents.addAndGet(pending.size());
        queue.add(pending);
        try {
            return pending.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Events waiting for the writer (not yet taken into a group). */
    int queuedEvents() {
        return queuedEvents.get();
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        queue.add(STOP);
        thread.join();
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (true) {
            Pending first = take();
            if (first == STOP) {
                break;
            }
            group.add(first);
            int events = first.size();
            for (Pending next = queue.peek(); next != null && next != STOP && events + next.size() <= maxEvents;
                    next = queue.peek()) {
                group.add(queue.remove());
                events += next.size();
            }
            queuedEvents.addAndGet(-events);
            write(group);
            group.clear();
        }
        for (Pending left = queue.poll(); left != null; left = queue.poll()) {
            left.answer().completeExceptionally(new IllegalStateException("The audit log is shutting down"));
        }
    }

    private Pending take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Only close() ends the writer, so that no queued caller is left waiting.
            }
        }
    }

    private void write(List<Pending> group) {
        try {
            List<List<Appended>> answers = writer.write(group.stream().map(Pending::request).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).answer().complete(answers.get(i));
            }
        } catch (ConflictException e) {
            if (group.size() == 1) {
                group.getFirst().answer().completeExceptionally(e);
            } else {
                group.forEach(pending -> write(List.of(pending)));
            }
        } catch (RuntimeException | Error e) {
            group.forEach(pending -> pending.answer().completeExceptionally(e));
        }
    }
}
