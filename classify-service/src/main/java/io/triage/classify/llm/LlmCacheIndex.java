package io.triage.classify.llm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.triage.platform.PlatformProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Which LLM response-cache entries each ticket and customer contributed to. A cache key is a hash of the prompt,
 * so it cannot be traced back to a ticket; instead every entry a ticket's prompt wrote or reused is added to a Redis
 * set per ticket id (the ticket itself and the tickets quoted as examples) and per keyed customer hash, with the
 * cache's TTL renewed on every addition, so no set outlives the entries it names. A GDPR erasure deletes through
 * these sets.
 */
@Component
public class LlmCacheIndex {

    private final StringRedisTemplate redis;
    private final String ticketPrefix;
    private final String customerPrefix;
    private final LlmTierProperties settings;

    LlmCacheIndex(StringRedisTemplate redis, PlatformProperties platform, LlmTierProperties properties) {
        this.redis = redis;
        this.ticketPrefix = platform.redisKeyPrefix() + "classify:llm-index:ticket:";
        this.customerPrefix = platform.redisKeyPrefix() + "classify:llm-index:customer:";
        this.settings = properties;
    }

    /** Notes that {@code entry} was made from (or reused for) these tickets and this customer, in one round trip. */
    void add(String entry, Collection<String> ticketIds, @Nullable String customerHash) {
        List<String> sets = sets(ticketIds, customerHash == null ? List.of() : List.of(customerHash));
        if (sets.isEmpty()) {
            return;
        }
        redis.executePipelined(new SessionCallback<Object>() {
            // A pipeline's callback must answer null: the results are the pipeline's, not the callback's.
            @Override
            @SuppressWarnings({"unchecked", "NullAway"})
            public <K, V> @Nullable Object execute(RedisOperations<K, V> operations) {
                RedisOperations<String, String> strings = (RedisOperations<String, String>) operations;
                for (String set : sets) {
                    strings.opsForSet().add(set, entry);
                    strings.expire(set, settings.cacheTtl());
                }
                return null;
            }
        });
    }

    /**
     * Deletes every cache entry indexed under these tickets or customer hashes, and the index sets themselves;
     * answers how many entries existed and were deleted. Redis failures are thrown to the caller.
     */
    public long purge(Collection<String> ticketIds, Collection<String> customerHashes) {
        List<String> sets = sets(ticketIds, customerHashes);
        if (sets.isEmpty()) {
            return 0;
        }
        Set<String> entries = new LinkedHashSet<>();
        for (String set : sets) {
            Set<String> members = redis.opsForSet().members(set);
            if (members != null) {
                entries.addAll(members);
            }
        }
        Long deleted = entries.isEmpty() ? Long.valueOf(0) : redis.delete(entries);
        redis.delete(sets);
        return deleted == null ? 0 : deleted;
    }

    private List<String> sets(Collection<String> ticketIds, Collection<String> customerHashes) {
        List<String> sets = new ArrayList<>(ticketIds.size() + customerHashes.size());
        ticketIds.forEach(id -> sets.add(ticketPrefix + id));
        customerHashes.forEach(hash -> sets.add(customerPrefix + hash));
        return sets;
    }
}
