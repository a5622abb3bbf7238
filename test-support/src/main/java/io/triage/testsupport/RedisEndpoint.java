package io.triage.testsupport;

/** Where the test Redis listens, and the key prefix reserved for one test class. */
public record RedisEndpoint(String host, int port, String keyPrefix) {
}
