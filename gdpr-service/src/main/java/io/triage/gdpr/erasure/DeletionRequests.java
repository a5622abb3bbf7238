package io.triage.gdpr.erasure;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.triage.gdpr.config.GdprProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records deletion requests and their receipt per store; the request and its first event are written in one
 * transaction, and ingestion's receipt with the event that reaches the other stores.
 *
 * <p>The plain customer id is kept only while a store may still need it: the transaction that records the last
 * store's answer completes the request and removes it (and the ticket ids), leaving the keyed hash; it also
 * publishes {@link ErasureCompleted} to its synchronous listeners (the certificate is issued in that transaction).
 */
@Service
public class DeletionRequests {

    static final String INGESTION = "ingestion";

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final GdprProperties properties;
    private final CustomerHash hash;
    private final JsonMapper json;

    DeletionRequests(JdbcClient jdbc, ApplicationEventPublisher events, GdprProperties properties, CustomerHash hash,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.events = events;
        this.properties = properties;
        this.hash = hash;
        this.json = json;
    }

    @Transactional
    public DeletionRequest request(String customerId, String requestedBy, @Nullable String reason) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO deletion_requests (id, customer_id, customer_hash, requested_by, reason, status, due_at)
                VALUES (:id, :customer, :hash, :by, :reason, 'IN_PROGRESS', now() + :deadline * interval '1 second')
                """).param("id", id).param("customer", customerId).param("hash", hash.of(customerId))
                .param("by", requestedBy).param("reason", reason).param("deadline", properties.deadline().toSeconds())
                .update();
        insertPending(id);
        events.publishEvent(new CustomerErasureRequested(id));
        return find(id).orElseThrow();
    }

    /**
     * A PENDING receipt for every configured store the request has none for yet: a request recorded before a store
     * was added (or before the saga) waits for it too.
     */
    @Transactional
    public void plan(UUID requestId) {
        boolean open = jdbc.sql("SELECT count(*) FROM deletion_requests WHERE id = :id AND status = 'IN_PROGRESS'")
                .param("id", requestId).query(Long.class).single() > 0;
        if (open) {
            insertPending(requestId);
        }
    }

    /** What {@code store} needs to apply the request; empty once it has answered or the request is complete. */
    public Optional<ErasureTask> due(UUID requestId, String store) {
        return jdbc.sql("""
                SELECT r.customer_id, r.ticket_ids FROM deletion_requests r
                  JOIN deletion_receipts s ON s.request_id = r.id AND s.store = :store
                 WHERE r.id = :id AND r.status = 'IN_PROGRESS' AND s.state <> 'DONE' AND r.customer_id IS NOT NULL
                """).param("id", requestId).param("store", store)
                .query((rs, n) -> new ErasureTask(requestId, rs.getString(1), strings(rs.getArray(2))))
                .optional();
    }

    /** Whether {@code store}'s answer to the request is recorded. */
    public boolean answered(UUID requestId, String store) {
        return jdbc.sql("SELECT count(*) FROM deletion_receipts WHERE request_id = :id AND store = :store AND state = 'DONE'")
                .param("id", requestId).param("store", store).query(Long.class).single() > 0;
    }

    /**
     * Records a store's answer once (a repeat delivery counts nothing twice) and completes the request when every
     * configured store has answered. Ingestion's first answer also keeps its ticket ids and publishes
     * {@link TicketsErased}, in this transaction. The request row is locked first, so receipts recorded at the same
     * moment are recorded one after the other: otherwise each saw only its own and the request stayed open for good.
     *
     * @return whether this was the store's first answer
     */
    @Transactional
    public boolean recordReceipt(UUID requestId, String store, long deletedRecords, Map<String, Object> details,
            @Nullable List<String> ticketIds) {
        jdbc.sql("SELECT id FROM deletion_requests WHERE id = :id FOR UPDATE").param("id", requestId).query()
                .listOfRows();
        boolean first = jdbc.sql("""
                INSERT INTO deletion_receipts (request_id, store, state, deleted_records, details, received_at,
                                               attempts, last_attempt_at)
                VALUES (:id, :store, 'DONE', :deleted, CAST(:details AS jsonb), now(), 1, now())
                ON CONFLICT (request_id, store) DO UPDATE
                   SET state = 'DONE', deleted_records = EXCLUDED.deleted_records, details = EXCLUDED.details,
                       received_at = now(), attempts = deletion_receipts.attempts + 1, last_attempt_at = now(),
                       last_error = NULL
                 WHERE deletion_receipts.state <> 'DONE'
                """).param("id", requestId).param("store", store).param("deleted", deletedRecords)
                .param("details", json.writeValueAsString(details)).update() > 0;
        if (first && ticketIds != null) {
            jdbc.sql("UPDATE deletion_requests SET ticket_ids = string_to_array(:ids, ',') WHERE id = :id")
                    .param("ids", String.join(",", ticketIds)).param("id", requestId).update();
            events.publishEvent(new TicketsErased(requestId));
        }
        completeIfEveryStoreAnswered(requestId);
        return first;
    }

    /** Without ingestion among the stores, the others are reached at once, with no ticket ids. */
    @Transactional
    public void skipIngestion(UUID requestId) {
        events.publishEvent(new TicketsErased(requestId));
    }

    /** Notes a failed delivery; the delivery itself stays incomplete and is tried again. */
    @Transactional
    public void recordFailure(UUID requestId, String store, String error) {
        jdbc.sql("""
                UPDATE deletion_receipts SET state = 'FAILED', attempts = attempts + 1, last_attempt_at = now(),
                       last_error = :error
                 WHERE request_id = :id AND store = :store AND state <> 'DONE'
                """).param("id", requestId).param("store", store).param("error", error).update();
    }

    /** The request and its receipts as of one moment (one snapshot: never COMPLETED beside a receipt not DONE). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<DeletionRequest> find(UUID id) {
        List<DeletionReceipt> receipts = jdbc.sql("""
                SELECT store, state, deleted_records, received_at, attempts, last_attempt_at, last_error,
                       CAST(details AS text) AS details
                  FROM deletion_receipts WHERE request_id = :id ORDER BY store
                """).param("id", id).query((rs, n) -> receipt(rs)).list();
        return jdbc.sql("SELECT *, (status = 'IN_PROGRESS' AND due_at < now()) AS overdue FROM deletion_requests "
                + "WHERE id = :id").param("id", id).query((rs, n) -> map(rs, receipts)).optional();
    }

    /**
     * Which requests a page lists: all of them when every filter is null.
     *
     * @param status  only requests in this status
     * @param overdue only requests that are (true) or are not (false) open past their due date
     * @param since   made at or after this instant
     * @param until   made before this instant
     */
    public record Filter(DeletionRequest.@Nullable Status status, @Nullable Boolean overdue, @Nullable Instant since,
            @Nullable Instant until) {
    }

    /**
     * Where a page starts: after the request made at {@code createdAt} with id {@code id} (newest first, the id
     * breaking ties), as the previous page's last request.
     */
    public record Position(Instant createdAt, UUID id) {
    }

    /** One page of requests, newest first, with its receipts; {@code next} is null on the last page. */
    public record Page(List<DeletionRequest> items, @Nullable Position next) {
    }

    /** Up to {@code limit} requests matching {@code filter}, newest first, after {@code after} when given. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Page page(Filter filter, @Nullable Position after, int limit) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new HashMap<>();
        DeletionRequest.Status status = filter.status();
        Boolean overdue = filter.overdue();
        Instant since = filter.since();
        Instant until = filter.until();
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (overdue != null) {
            where.append(overdue ? " AND status = 'IN_PROGRESS' AND due_at < now()"
                    : " AND NOT (status = 'IN_PROGRESS' AND due_at < now())");
        }
        if (since != null) {
            where.append(" AND created_at >= :since");
            params.put("since", utc(since));
        }
        if (until != null) {
            where.append(" AND created_at < :until");
            params.put("until", utc(until));
        }
        if (after != null) {
            where.append(" AND (created_at, id) < (:afterAt, :afterId)");
            params.put("afterAt", utc(after.createdAt()));
            params.put("afterId", after.id());
        }
        params.put("limit", limit + 1);
        List<RequestRow> rows = jdbc.sql("SELECT *, (status = 'IN_PROGRESS' AND due_at < now()) AS overdue "
                + "FROM deletion_requests" + where + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .params(params).query((rs, n) -> new RequestRow(rs.getObject("id", UUID.class),
                        rs.getTimestamp("created_at").toInstant(), rs)).list();
        List<RequestRow> shown = rows.subList(0, Math.min(limit, rows.size()));
        Map<UUID, List<DeletionReceipt>> receipts = new HashMap<>();
        if (!shown.isEmpty()) {
            jdbc.sql("""
                    SELECT request_id, store, state, deleted_records, received_at, attempts, last_attempt_at,
                           last_error, CAST(details AS text) AS details
                      FROM deletion_receipts WHERE request_id IN (:ids) ORDER BY store
                    """).param("ids", shown.stream().map(RequestRow::id).toList())
                    .query((rs, n) -> Map.entry(rs.getObject("request_id", UUID.class), receipt(rs))).list()
                    .forEach(entry -> receipts.computeIfAbsent(entry.getKey(), key -> new ArrayList<>())
                            .add(entry.getValue()));
        }
        List<DeletionRequest> items = shown.stream()
                .map(row -> row.request().withReceipts(receipts.getOrDefault(row.id(), List.of()))).toList();
        RequestRow last = shown.isEmpty() ? null : shown.getLast();
        return new Page(items, rows.size() > limit && last != null ? new Position(last.createdAt(), last.id()) : null);
    }

    /** A request row read before its receipts. */
    private record RequestRow(UUID id, Instant createdAt, DeletionRequest request) {
        RequestRow(UUID id, Instant createdAt, ResultSet rs) throws SQLException {
            this(id, createdAt, map(rs, List.of()));
        }
    }

    /** Requests not yet completed by every store. */
    long open() {
        return jdbc.sql("SELECT count(*) FROM deletion_requests WHERE status = 'IN_PROGRESS'").query(Long.class)
                .single();
    }

    /** Open requests older than the due-soon age and not yet overdue. */
    long dueSoon() {
        return jdbc.sql("""
                SELECT count(*) FROM deletion_requests WHERE status = 'IN_PROGRESS'
                   AND created_at < now() - :age * interval '1 second' AND due_at >= now()
                """).param("age", properties.dueSoonAfter().toSeconds()).query(Long.class).single();
    }

    /** Open requests past their due date. */
    long overdue() {
        return jdbc.sql("SELECT count(*) FROM deletion_requests WHERE status = 'IN_PROGRESS' AND due_at < now()")
                .query(Long.class).single();
    }

    private void insertPending(UUID requestId) {
        for (String store : properties.stores()) {
            jdbc.sql("""
                    INSERT INTO deletion_receipts (request_id, store, state) VALUES (:id, :store, 'PENDING')
                    ON CONFLICT (request_id, store) DO NOTHING
                    """).param("id", requestId).param("store", store).update();
        }
    }

    private void completeIfEveryStoreAnswered(UUID requestId) {
        int completed = jdbc.sql("""
                UPDATE deletion_requests
                   SET status = 'COMPLETED', completed_at = now(), customer_id = NULL, ticket_ids = NULL
                 WHERE id = :id AND status = 'IN_PROGRESS'
                   AND (SELECT count(*) FROM deletion_receipts
                         WHERE request_id = :id AND state = 'DONE' AND store IN (:stores)) >= :count
                """).param("id", requestId).param("stores", List.copyOf(properties.stores()))
                .param("count", properties.stores().size()).update();
        if (completed > 0) {
            events.publishEvent(new ErasureCompleted(requestId));
        }
    }

    private DeletionReceipt receipt(ResultSet rs) throws SQLException {
        String details = rs.getString("details");
        long deleted = rs.getLong("deleted_records");
        Long deletedRecords = rs.wasNull() ? null : deleted;
        return new DeletionReceipt(rs.getString("store"), DeletionReceipt.State.valueOf(rs.getString("state")),
                deletedRecords, instant(rs.getTimestamp("received_at")), rs.getInt("attempts"),
                instant(rs.getTimestamp("last_attempt_at")), rs.getString("last_error"),
                details == null ? Map.of() : json.readValue(details, DETAILS));
    }

    private static DeletionRequest map(ResultSet rs, List<DeletionReceipt> receipts) throws SQLException {
        return new DeletionRequest(rs.getObject("id", UUID.class), rs.getString("customer_id"),
                rs.getString("requested_by"), rs.getString("reason"),
                DeletionRequest.Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), rs.getBoolean("overdue"),
                instant(rs.getTimestamp("completed_at")), receipts);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
