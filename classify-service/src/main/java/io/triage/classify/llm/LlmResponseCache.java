package io.triage.classify.llm;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

import io.triage.classify.taxonomy.Labels;
import io.triage.classify.tier.Hashes;
import io.triage.platform.PlatformProperties;
import io.triage.platform.client.ResilientCalls;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validated LLM responses in Redis for 24 h, keyed by model and the hash of taxonomy and prompt under the
 * deployment's key prefix. Every entry written or reused is also noted in {@link LlmCacheIndex} under the tickets and
 * the customer its prompt came from, so that an erasure can find it.
 * Fallback when Redis is down or its circuit is open: no cache (every prompt goes to the LLM).
 */
@Component
class LlmResponseCache {

    static final String DOWNSTREAM = "redis";

    private final StringRedisTemplate redis;
    private final ResilientCalls calls;
    private final JsonMapper json;
    private final String prefix;
    private final LlmTierProperties settings;
    private final LlmCacheIndex index;

    LlmResponseCache(StringRedisTemplate redis, ResilientCalls calls, JsonMapper json, PlatformProperties platform,
            LlmTierProperties properties, LlmCacheIndex index) {
        this.redis = redis;
        this.index = index;
        this.calls = calls;
        this.json = json;
        this.prefix = platform.redisKeyPrefix() + "classify:llm:";
        this.settings = properties;
    }

    /**
     * The key of one prompt's answer. The taxonomy's fingerprint is part of it besides the prompt: an answer is only
     * valid under the label set (and so the response schema) it was made under.
     */
    String key(String model, Labels labels, String system, String user) {
        return prefix + model + ":" + Hashes.sha256(labels.fingerprint() + "\u0000" + system + "\u0000" + user);
    }

    Optional<Completion> get(String key) {
        Optional<String> cached = calls.callOrElse(DOWNSTREAM,
                () -> transientOnFailure(() -> Optional.ofNullable(redis.opsForValue().get(key))),
                failure -> Optional.empty());
        return cached.map(value -> json.readValue(value, Completion.class));
    }

    /** Stores an answer made from the prompt of {@code ticketIds} (the ticket and its examples) and the customer. */
    void put(String key, Completion completion, Collection<String> ticketIds, @Nullable String customerHash) {
        String value = json.writeValueAsString(completion);
        calls.callOrElse(DOWNSTREAM, () -> transientOnFailure(() -> {
            redis.opsForValue().set(key, value, settings.cacheTtl());
            index.add(key, ticketIds, customerHash);
            return Boolean.TRUE;
        }), failure -> Boolean.FALSE);
    }

    /** Notes that a cached answer was reused for a prompt of {@code ticketIds} and the customer. */
    void reused(String key, Collection<String> ticketIds, @Nullable String customerHash) {
        calls.callOrElse(DOWNSTREAM, () -> transientOnFailure(() -> {
            index.add(key, ticketIds, customerHash);
            return Boolean.TRUE;
        }), failure -> Boolean.FALSE);
    }

    void evict(String key) {
        calls.callOrElse(DOWNSTREAM, () -> transientOnFailure(() -> redis.delete(key)), failure -> Boolean.FALSE);
    }

    /** Redis failures count for the circuit breaker like any other unreachable dependency. */
    private static <T> T transientOnFailure(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (DataAccessException e) {
            throw new ResourceAccessException("Redis failed: " + e.getClass().getSimpleName());
        }
    }
}
