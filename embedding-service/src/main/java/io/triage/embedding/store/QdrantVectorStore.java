package io.triage.embedding.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.triage.embedding.model.Vectors;
import org.jspecify.annotations.Nullable;

/**
 * Qdrant over gRPC with the official Java client: one collection per model and dimension (cosine distance), keyword
 * payload indexes on every filter field. The gRPC channel multiplexes all calls over pooled HTTP/2 connections;
 * transient failures (UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED) are retried with exponential backoff.
 * Point ids are name-based UUIDs of the ticket ids.
 */
public final class QdrantVectorStore implements VectorStore {

    private static final Set<Status.Code> TRANSIENT = Set.of(Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED);
    private static final List<String> KEYWORD_FIELDS = List.of(StoreFields.TICKET_ID, StoreFields.CUSTOMER_ID,
            StoreFields.DEPARTMENT, StoreFields.URGENCY, StoreFields.SENTIMENT);

    private final QdrantClient client;
    private final String collection;
    private final int dimension;
    private final Retry retry;
    private volatile boolean collectionReady;

    public QdrantVectorStore(QdrantProperties settings, String collection, int dimension) {
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(settings.host(), settings.port(),
                settings.useTls(), false).withTimeout(settings.timeout());
        if (!settings.apiKey().isBlank()) {
            grpc.withApiKey(settings.apiKey());
        }
        this.client = new QdrantClient(grpc.build());
        this.collection = collection;
        this.dimension = dimension;
        this.retry = Retry.of("qdrant", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), 2.0, 0.5))
                .retryOnException(QdrantVectorStore::isTransient)
                .build());
    }

    @Override
    public String kind() {
        return "qdrant";
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void upsert(List<VectorRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<PointStruct> points = records.stream().map(this::point).toList();
        call(() -> client.upsertAsync(collection, points));
    }

    @Override
    public List<VectorMatch> search(float[] query, int k, SearchFilter filter) {
        requireDimension(query);
        float[] unit = Vectors.normalised(query);
        SearchPoints.Builder search = SearchPoints.newBuilder().setCollectionName(collection).setLimit(k)
                .setWithPayload(WithPayloadSelectorFactory.enable(true));
        for (float v : unit) {
            search.addVector(v);
        }
        Filter conditions = filter(filter);
        if (conditions != null) {
            search.setFilter(conditions);
        }
        List<ScoredPoint> hits = call(() -> client.searchAsync(search.build()));
        return hits.stream().map(hit -> new VectorMatch(required(hit.getPayloadMap(), StoreFields.TICKET_ID)
                .getStringValue(), hit.getScore(), metadata(hit.getPayloadMap()))).toList();
    }

    @Override
    public long deleteByTicketIds(Collection<String> ticketIds) {
        if (ticketIds.isEmpty()) {
            return 0;
        }
        Filter byIds = Filter.newBuilder()
                .addMust(ConditionFactory.matchKeywords(StoreFields.TICKET_ID, List.copyOf(ticketIds))).build();
        return delete(byIds);
    }

    @Override
    public long deleteByCustomer(String customerId) {
        return delete(Filter.newBuilder().addMust(ConditionFactory.matchKeyword(StoreFields.CUSTOMER_ID, customerId))
                .build());
    }

    @Override
    public long count() {
        return call(() -> client.countAsync(collection));
    }

    /**
     * Deletes the customer's points from every other collection whose name starts with {@code prefix} (those of
     * models no longer active, {@code tickets_<model>}); the number deleted.
     */
    public long deleteByCustomerInOtherCollections(String customerId, String prefix) {
        Filter byCustomer = Filter.newBuilder()
                .addMust(ConditionFactory.matchKeyword(StoreFields.CUSTOMER_ID, customerId)).build();
        long deleted = 0;
        for (String other : call(client::listCollectionsAsync)) {
            if (other.startsWith(prefix) && !other.equals(collection)) {
                deleted += call(() -> client.countAsync(other, byCustomer, true));
                call(() -> client.deleteAsync(other, byCustomer));
            }
        }
        return deleted;
    }

    @Override
    public Map<String, Long> revisions() {
        Map<String, Long> revisions = new HashMap<>();
        PointId offset = null;
        do {
            ScrollPoints.Builder scroll = ScrollPoints.newBuilder().setCollectionName(collection).setLimit(1000)
                    .setWithPayload(WithPayloadSelectorFactory.include(
                            List.of(StoreFields.TICKET_ID, StoreFields.REVISION)));
            if (offset != null) {
                scroll.setOffset(offset);
            }
            ScrollResponse page = call(() -> client.scrollAsync(scroll.build()));
            for (RetrievedPoint point : page.getResultList()) {
                revisions.put(required(point.getPayloadMap(), StoreFields.TICKET_ID).getStringValue(),
                        required(point.getPayloadMap(), StoreFields.REVISION).getIntegerValue());
            }
            offset = page.hasNextPageOffset() ? page.getNextPageOffset() : null;
        } while (offset != null);
        return revisions;
    }

    @Override
    public StoreHealth health() {
        try {
            return new StoreHealth(kind(), true, count(), dimension, "");
        } catch (StoreUnavailableException e) {
            return new StoreHealth(kind(), false, 0, dimension, "Qdrant is unreachable");
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private long delete(Filter filter) {
        long existing = call(() -> client.countAsync(collection, filter, true));
        call(() -> client.deleteAsync(collection, filter));
        return existing;
    }

    private PointStruct point(VectorRecord record) {
        requireDimension(record.vector());
        TicketMetadata m = record.metadata();
        Map<String, Value> payload = new HashMap<>();
        payload.put(StoreFields.TICKET_ID, ValueFactory.value(record.ticketId()));
        optional(payload, StoreFields.CUSTOMER_ID, m.customerId());
        optional(payload, StoreFields.DEPARTMENT, m.department());
        optional(payload, StoreFields.URGENCY, m.urgency());
        optional(payload, StoreFields.SENTIMENT, m.sentiment());
        payload.put(StoreFields.CREATED_AT, ValueFactory.value(m.createdAt().toEpochMilli()));
        payload.put(StoreFields.REVISION, ValueFactory.value(record.revision()));
        return PointStruct.newBuilder()
                .setId(PointIdFactory.id(UUID.nameUUIDFromBytes(record.ticketId().getBytes(StandardCharsets.UTF_8))))
                .setVectors(VectorsFactory.vectors(Vectors.normalised(record.vector())))
                .putAllPayload(payload)
                .build();
    }

    private static void optional(Map<String, Value> payload, String key, @Nullable String value) {
        if (value != null) {
            payload.put(key, ValueFactory.value(value));
        }
    }

    private static TicketMetadata metadata(Map<String, Value> payload) {
        return new TicketMetadata(text(payload, StoreFields.CUSTOMER_ID),
                text(payload, StoreFields.DEPARTMENT), text(payload, StoreFields.URGENCY),
                text(payload, StoreFields.SENTIMENT),
                Instant.ofEpochMilli(required(payload, StoreFields.CREATED_AT).getIntegerValue()));
    }

    /** A payload field {@link #point} always writes. */
    private static Value required(Map<String, Value> payload, String key) {
        return Objects.requireNonNull(payload.get(key), () -> "a point without " + key + ": not written by this store");
    }

    private static @Nullable String text(Map<String, Value> payload, String key) {
        Value value = payload.get(key);
        return value == null ? null : value.getStringValue();
    }

    private static @Nullable Filter filter(SearchFilter filter) {
        Filter.Builder conditions = Filter.newBuilder();
        filter.exactMatches().forEach((key, value) -> conditions.addMust(ConditionFactory.matchKeyword(key, value)));
        if (filter.createdAfter() != null || filter.createdBefore() != null) {
            Range.Builder range = Range.newBuilder();
            if (filter.createdAfter() != null) {
                range.setGte(filter.createdAfter().toEpochMilli());
            }
            if (filter.createdBefore() != null) {
                range.setLt(filter.createdBefore().toEpochMilli());
            }
            conditions.addMust(ConditionFactory.range(StoreFields.CREATED_AT, range.build()));
        }
        return conditions.getMustCount() == 0 ? null : conditions.build();
    }

    private void requireDimension(float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("vector has " + vector.length + " dimensions, the collection "
                    + dimension);
        }
    }

    /** Creates the collection and its payload indexes on first use, so the service starts while Qdrant is down. */
    private void ensureCollection() throws ExecutionException, InterruptedException {
        if (collectionReady) {
            return;
        }
        synchronized (this) {
            if (!collectionReady) {
                if (!client.collectionExistsAsync(collection).get()) {
                    client.createCollectionAsync(collection, VectorParams.newBuilder().setSize(dimension)
                            .setDistance(Distance.Cosine).build()).get();
                    for (String field : KEYWORD_FIELDS) {
                        client.createPayloadIndexAsync(collection, field, PayloadSchemaType.Keyword, null, true,
                                null, null).get();
                    }
                    client.createPayloadIndexAsync(collection, StoreFields.CREATED_AT, PayloadSchemaType.Integer,
                            null, true, null, null).get();
                }
                collectionReady = true;
            }
        }
    }

    private <T> T call(QdrantCall<T> call) {
        try {
            return retry.executeCallable(() -> {
                try {
                    ensureCollection();
                    return call.start().get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while calling Qdrant", e);
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw new StoreUnavailableException("Qdrant is unavailable", e);
            }
            throw e;
        } catch (Exception e) {
            throw new StoreUnavailableException("Qdrant call failed", e);
        }
    }

    private static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StatusRuntimeException status && TRANSIENT.contains(status.getStatus().getCode())) {
                return true;
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface QdrantCall<T> {
        Future<T> start();
    }
}
