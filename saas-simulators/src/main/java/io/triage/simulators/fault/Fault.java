package io.triage.simulators.fault;

import java.time.Duration;

/** A way a simulated system misbehaves on one request. */
public sealed interface Fault {

    /** Answer with a 5xx status in the system's error shape. */
    record ServerError(int status) implements Fault {
        public ServerError {
            if (status < 500 || status > 599) {
                throw new IllegalArgumentException("a server error is 5xx, not " + status);
            }
        }
    }

    /** Answer {@code 429 Too Many Requests} with {@code Retry-After} in whole seconds. */
    record RateLimited(Duration retryAfter) implements Fault {
    }

    /** Wait, then answer normally. */
    record Slow(Duration delay) implements Fault {
    }

    /** Answer {@code 401} as the system does for an expired or revoked token. */
    record ExpiredToken() implements Fault {
    }

    /** Close the connection without any response. */
    record DropConnection() implements Fault {
    }
}
