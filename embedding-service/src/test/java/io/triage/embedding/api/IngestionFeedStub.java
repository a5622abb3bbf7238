package io.triage.embedding.api;

import java.util.List;

import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubRequest;
import io.triage.testsupport.stub.StubServer;

/**
 * Stands in for ingestion-service's {@code GET /tickets/clean?after=&limit=} (the contract in the README): three
 * sanitised tickets; the cursor is the position of the last item returned.
 */
final class IngestionFeedStub {

    private static final String PATH = "/tickets/clean";
    private static final List<String> TICKETS = List.of(
            "{\"ticketId\":\"F-1\",\"customerId\":\"C-feed\",\"text\":\"Card blocked abroad\",\"createdAt\":\"2026-11-20T08:00:00Z\"}",
            "{\"ticketId\":\"F-2\",\"customerId\":\"C-feed\",\"text\":\"App crashes at login\",\"createdAt\":\"2026-11-20T09:00:00Z\"}",
            "{\"ticketId\":\"F-3\",\"customerId\":\"C-feed\",\"text\":\"Parcel left at wrong address\",\"createdAt\":\"2026-11-20T10:00:00Z\"}",
            // A source that names no customer: ingestion-service sends customerId null.
            "{\"ticketId\":\"F-4\",\"customerId\":null,\"text\":\"Invoice shows the wrong VAT rate\",\"createdAt\":\"2026-11-20T11:00:00Z\"}");

    private final StubServer server = new StubServer();

    IngestionFeedStub() {
        server.on("GET", PATH, IngestionFeedStub::page);
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** The {@code after} cursor of every page asked for, oldest first ("" for the first page). */
    List<String> cursorsAsked() {
        return server.received(PATH).stream().map(IngestionFeedStub::after).toList();
    }

    /** The API key of every page request, oldest first. */
    List<String> keysPresented() {
        return server.received(PATH).stream().map(request -> String.valueOf(request.header("X-API-Key"))).toList();
    }

    private static String after(StubRequest request) {
        String after = request.query("after");
        return after == null ? "" : after;
    }

    private static StubReply page(StubRequest request) {
        String after = after(request);
        int from = after.isEmpty() ? 0 : Integer.parseInt(after);
        List<String> items = TICKETS.subList(Math.min(from, TICKETS.size()), TICKETS.size());
        String next = items.isEmpty() ? "null" : "\"" + TICKETS.size() + "\"";
        return StubReply.json("{\"items\":[" + String.join(",", items) + "],\"nextCursor\":" + next + "}");
    }
}
