package io.triage.testsupport.stub;

import java.time.Duration;

/**
 * A failure a {@link StubServer} injects instead of (or before) its normal answer: another reply, a delay, or a
 * connection dropped without any answer.
 */
public sealed interface StubFailure {

    /** Answer with this reply instead of the route's. */
    static StubFailure reply(StubReply reply) {
        return new Answer(reply);
    }

    /** Answer with this status and a small JSON error body instead of the route's. */
    static StubFailure status(int status) {
        return new Answer(StubReply.json(status, "{\"error\":\"injected failure\"}"));
    }

    /** Wait this long, then answer as the route would. */
    static StubFailure delay(Duration delay) {
        return new Delay(delay);
    }

    /** Close the connection without sending a status line: the caller sees the connection drop. */
    static StubFailure drop() {
        return new Drop();
    }

    /**
     * Answer with this reply instead of the route's.
     *
     * @param reply what to send
     */
    record Answer(StubReply reply) implements StubFailure {
    }

    /**
     * Wait, then answer normally.
     *
     * @param delay how long to wait
     */
    record Delay(Duration delay) implements StubFailure {
    }

    /** Close the connection without an answer. */
    record Drop() implements StubFailure {
    }
}
