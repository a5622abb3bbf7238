package io.triage.classify.testing;

import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubRequest;

/**
 * rules-engine's {@code GET /rules} as a stateful fake: the active rule set with its evaluation settings and a strong
 * ETag, 304 when the request's {@code If-None-Match} names the current one. {@link #publish(String)} makes a new
 * version active, as an analyst's publish would.
 */
public final class PublishedRules {

    /** A rule set without rules: nothing fires (as {@link Stubs#noRule()} says, as version 7). */
    public static final String NO_RULES = "rules: []\n";

    private int version;
    private String yaml;
    private double shortCircuitConfidence = 0.85;

    public PublishedRules() {
        reset();
    }

    /** Version 7 without rules, rules-engine's default settings. */
    public synchronized void reset() {
        version = 7;
        yaml = NO_RULES;
        shortCircuitConfidence = 0.85;
    }

    /** Makes {@code newYaml} the active set as the next version; returns that version. */
    public synchronized int publish(String newYaml) {
        yaml = newYaml;
        return ++version;
    }

    /** Changes rules-engine's short-circuit threshold (a new ETag, same version). */
    public synchronized void shortCircuitConfidence(double threshold) {
        shortCircuitConfidence = threshold;
    }

    /** The ETag of the active set. */
    public synchronized String etag() {
        return "\"v" + version + "-" + Integer.toHexString((yaml + shortCircuitConfidence).hashCode()) + "\"";
    }

    /** The route's handler. */
    public synchronized StubReply answer(StubRequest request) {
        String etag = etag();
        if (etag.equals(request.header("If-None-Match"))) {
            return StubReply.status(304).withHeader("ETag", etag);
        }
        return StubReply.json("""
                {"activation":{"version":%d,"action":"publish","activatedBy":"analyst",
                 "activatedAt":"2026-12-04T10:00:00Z","reason":"test"},
                 "rules":[],"yaml":%s,
                 "evaluation":{"shortCircuitConfidence":%s,"maxTicketChars":20000,"maxGroupStates":20000,
                 "maxGroupRules":64}}""".formatted(version, Stubs.quoted(yaml), shortCircuitConfidence))
                .withHeader("ETag", etag);
    }
}
