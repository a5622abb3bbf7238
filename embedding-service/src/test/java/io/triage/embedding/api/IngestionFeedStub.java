package io.triage.embedding.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for ingestion-service's {@code GET /tickets/clean?after=&limit=} (the contract in the README): three
 * sanitised tickets; the cursor is the position of the last item returned.
 */
final class IngestionFeedStub {

    private static final List<String> TICKETS = List.of(
            "{\"ticketId\":\"F-1\",\"customerId\":\"C-feed\",\"text\":\"Card blocked abroad\",\"createdAt\":\"2026-11-20T08:00:00Z\"}",
            "{\"ticketId\":\"F-2\",\"customerId\":\"C-feed\",\"text\":\"App crashes at login\",\"createdAt\":\"2026-11-20T09:00:00Z\"}",
            "{\"ticketId\":\"F-3\",\"customerId\":\"C-feed\",\"text\":\"Parcel left at wrong address\",\"createdAt\":\"2026-11-20T10:00:00Z\"}");

    private final HttpServer server;
    private final List<String> cursorsAsked = new CopyOnWriteArrayList<>();

    IngestionFeedStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/tickets/clean", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> cursorsAsked() {
        return cursorsAsked;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String after = "";
        String query = exchange.getRequestURI().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("after=")) {
                after = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }
        cursorsAsked.add(after);
        int from = after.isEmpty() ? 0 : Integer.parseInt(after);
        List<String> items = TICKETS.subList(Math.min(from, TICKETS.size()), TICKETS.size());
        String next = items.isEmpty() ? "null" : "\"" + TICKETS.size() + "\"";
        byte[] body = ("{\"items\":[" + String.join(",", items) + "],\"nextCursor\":" + next + "}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
