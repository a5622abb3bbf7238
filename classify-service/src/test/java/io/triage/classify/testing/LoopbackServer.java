package io.triage.classify.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 standing in for another service (rules-engine, embedding-service, audit-service,
 * an OpenAI-compatible LLM) in that service's documented wire format. It can be stopped and started again on the same
 * port (to kill a dependency mid-run) and slowed down.
 */
public final class LoopbackServer implements AutoCloseable {

    /**
     * One request it received.
     *
     * @param method HTTP method
     * @param path   request path
     * @param body   request body
     * @param apiKey the X-API-Key header
     * @param query  the raw (still URL-encoded) query string, or null
     */
    public record Received(String method, String path, String body, String apiKey, String query) {
    }

    /**
     * A response to send.
     *
     * @param status HTTP status
     * @param json   body
     */
    public record Reply(int status, String json) {

        public static Reply ok(String json) {
            return new Reply(200, json);
        }
    }

    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Reply> responder = request -> new Reply(404, "{}");
    private volatile Duration delay = Duration.ZERO;
    private HttpServer server;

    public LoopbackServer() {
        this.server = create(0);
        this.port = server.getAddress().getPort();
        server.start();
    }

    private HttpServer create(int onPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
            created.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            created.createContext("/", this::handle);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body,
                exchange.getRequestHeaders().getFirst("X-API-Key"), exchange.getRequestURI().getRawQuery());
        received.add(request);
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Reply reply = responder.apply(request);
        byte[] bytes = reply.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), reply.status() == 204 ? -1 : bytes.length);
        if (reply.status() != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public void respond(Function<Received, Reply> newResponder) {
        this.responder = newResponder;
    }

    public void delay(Duration newDelay) {
        this.delay = newDelay;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    public void clear() {
        received.clear();
    }

    /** Stops listening: callers now get connection refused. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again on the same port. */
    public synchronized void start() {
        if (server == null) {
            server = create(port);
            server.start();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
