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

    /**
     * Answer a 4xx refusal of {@code field} in the system's error shape (Zendesk {@code RecordInvalid} with
     * {@code details}, Jira {@code errors}, ServiceNow {@code error.message}): a value the real system refuses that the
     * simulator does not model, e.g. a deleted group or an agent no longer in it. Not 401 or 429, which have their own
     * faults.
     */
    record ClientError(int status, String field) implements Fault {
        public ClientError {
            if (status < 400 || status > 499 || status == 401 || status == 429) {
                throw new IllegalArgumentException("a client error is 4xx other than 401 and 429, not " + status);
            }
            if (field.isBlank()) {
                throw new IllegalArgumentException("a client error names the field it refuses");
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
