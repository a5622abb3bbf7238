package io.triage.platform.client;

import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * Which failures of a call to another service are worth retrying: connection problems and timeouts, 429 and 5xx.
 * A 4xx other than 429 means our request is wrong, and repeating it cannot help.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        return failure instanceof ResourceAccessException
                || failure instanceof HttpServerErrorException
                || failure instanceof HttpClientErrorException.TooManyRequests;
    }
}
