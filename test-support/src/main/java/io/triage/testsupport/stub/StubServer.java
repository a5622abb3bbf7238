package io.triage.testsupport.stub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A real HTTP server on 127.0.0.1 standing in for another service in tests: it starts on a free port, routes by
 * method and path prefix to handlers the test writes (stateful fakes keep their state in the test's own fields),
 * records every request it receives, injects failures (another status, a delay, a dropped connection), and can be
 * stopped and started again on the same port to kill a dependency mid-run.
 *
 * <p>Built on the JDK's {@code com.sun.net.httpserver} rather than WireMock: the suite's fakes are small stateful
 * programs (an MLflow registry, a paged ticket feed, OpenAI embeddings computed from the input) that WireMock would
 * need response-transformer extensions and scenario state machines to express, while a route here is a plain
 * {@code Function<StubRequest, StubReply>}; and the JDK server adds no dependency (WireMock's standalone jar shades
 * Jetty and some 15 MB of libraries onto every module's test classpath) and starts in milliseconds. Requests are
 * served on virtual threads, so a delayed answer does not hold up others.
 *
 * <pre>{@code
 * try (StubServer server = new StubServer()) {
 *     server.on("GET", "/tickets/clean", request -> StubReply.json("{\"items\":[]}"));
 *     server.failNext(StubFailure.status(503));
 *     ... client pointed at server.baseUrl() ...
 *     assertThat(server.received("/tickets/clean")).hasSize(2);
 * }
 * }</pre>
 */
public final class StubServer implements AutoCloseable {

    /** Matches every method in {@link #on(String, String, Function)}. */
    public static final String ANY_METHOD = "*";

    private record Route(String method, String pathPrefix, long order, Function<StubRequest, StubReply> handler) {

        boolean matches(StubRequest request) {
            return (method.equals(ANY_METHOD) || method.equalsIgnoreCase(request.method()))
                    && underPrefix(request.path(), pathPrefix);
        }
    }

    private record Standing(Predicate<StubRequest> when, StubFailure failure) {
    }

    private final int port;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final AtomicLong routeOrder = new AtomicLong();
    private final List<StubRequest> received = new CopyOnWriteArrayList<>();
    private final Queue<StubFailure> nextFailures = new ConcurrentLinkedQueue<>();
    private final List<Standing> standingFailures = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;
    private @Nullable HttpServer server;

    /** Starts listening on a free port of 127.0.0.1. */
    public StubServer() {
        HttpServer created = create(0);
        this.port = created.getAddress().getPort();
        created.start();
        this.server = created;
    }

    /** The port it listens on; the same after a restart. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** {@link #baseUrl()} as a URI. */
    public URI baseUri() {
        return URI.create(baseUrl());
    }

    /** The URI of a path on this server, e.g. {@code uri("/v1/embeddings")}. */
    public URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    /**
     * Answers requests with this method ({@link #ANY_METHOD} for all) whose path is {@code pathPrefix} or lies under
     * it ({@code /tickets} matches {@code /tickets/clean} but not {@code /ticketsx}). The longest matching prefix
     * wins; of equal prefixes, the route added last. A request no route matches gets 404. A handler that throws
     * answers 500 with the exception's message.
     */
    public StubServer on(String method, String pathPrefix, Function<StubRequest, StubReply> handler) {
        routes.add(new Route(method, pathPrefix, routeOrder.incrementAndGet(), handler));
        return this;
    }

    /** Answers every request under {@code pathPrefix}, whatever its method. */
    public StubServer onAny(String pathPrefix, Function<StubRequest, StubReply> handler) {
        return on(ANY_METHOD, pathPrefix, handler);
    }

    /** Injects this failure into the next request (any path), once; queued failures are used in order. */
    public void failNext(StubFailure failure) {
        nextFailures.add(failure);
    }

    /** Injects this failure into every request under {@code pathPrefix} until {@link #heal()}. */
    public void fail(String pathPrefix, StubFailure failure) {
        fail(request -> underPrefix(request.path(), pathPrefix), failure);
    }

    /** Injects this failure into every request that matches until {@link #heal()}. */
    public void fail(Predicate<StubRequest> when, StubFailure failure) {
        standingFailures.add(new Standing(when, failure));
    }

    /** Forgets every injected failure, queued or standing. */
    public void heal() {
        nextFailures.clear();
        standingFailures.clear();
    }

    /** Waits this long before answering every request (zero for none). */
    public void delay(Duration newDelay) {
        this.delay = newDelay;
    }

    /** Every request received, oldest first. */
    public List<StubRequest> received() {
        return List.copyOf(received);
    }

    /** The requests received with exactly this path, oldest first. */
    public List<StubRequest> received(String path) {
        return received(request -> request.path().equals(path));
    }

    /** The requests received that match, oldest first. */
    public List<StubRequest> received(Predicate<StubRequest> which) {
        return received.stream().filter(which).toList();
    }

    /** Forgets the requests received. */
    public void clearReceived() {
        received.clear();
    }

    /** Forgets received requests, injected failures and the delay; routes stay. */
    public void reset() {
        clearReceived();
        heal();
        delay = Duration.ZERO;
    }

    /** Stops listening: callers now get connection refused. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again on the same port (no-op when running). */
    public synchronized void start() {
        if (server == null) {
            HttpServer created = create(port);
            created.start();
            server = created;
        }
    }

    /** Whether it is listening. */
    public synchronized boolean running() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
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
        StubRequest request = new StubRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
                exchange.getRequestBody().readAllBytes());
        received.add(request);
        try {
            sleep(delay);
            StubFailure failure = failureFor(request);
            if (failure instanceof StubFailure.Drop) {
                return;
            }
            if (failure instanceof StubFailure.Delay(Duration extra)) {
                sleep(extra);
            }
            send(exchange, failure instanceof StubFailure.Answer(StubReply reply) ? reply : route(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Closing an exchange whose headers were never sent closes the connection: that is the drop.
            exchange.close();
        }
    }

    private @Nullable StubFailure failureFor(StubRequest request) {
        StubFailure next = nextFailures.poll();
        if (next != null) {
            return next;
        }
        return standingFailures.stream().filter(s -> s.when().test(request)).map(Standing::failure).findFirst()
                .orElse(null);
    }

    private StubReply route(StubRequest request) {
        Optional<Route> route = routes.stream().filter(r -> r.matches(request))
                .max(Comparator.comparingInt((Route r) -> r.pathPrefix().length()).thenComparingLong(Route::order));
        if (route.isEmpty()) {
            return StubReply.json(404, "{\"error\":\"no stub route for " + request.method() + " "
                    + request.path() + "\"}");
        }
        try {
            return route.get().handler().apply(request);
        } catch (RuntimeException e) {
            return StubReply.bytes(500, "text/plain", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, StubReply reply) throws IOException {
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = reply.bodyUnsafe();
        boolean bodiless = body.length == 0 || reply.status() == 204 || reply.status() == 304
                || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(reply.status(), bodiless ? -1 : body.length);
        if (!bodiless) {
            exchange.getResponseBody().write(body);
        }
    }

    private static void sleep(Duration duration) throws InterruptedException {
        if (duration.isPositive()) {
            Thread.sleep(duration);
        }
    }

    private static boolean underPrefix(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || prefix.endsWith("/")
                || path.charAt(prefix.length()) == '/');
    }
}
