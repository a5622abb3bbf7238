package io.triage.simulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.triage.simulators.fault.Fault;
import io.triage.simulators.fault.FaultInjector;
import io.triage.simulators.fault.FaultRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP plumbing every simulator shares, on the JDK's own server ({@code com.sun.net.httpserver}, one virtual
 * thread per request): recording requests, injecting faults, and the admin routes under {@code /_sim/}
 * ({@code POST|DELETE /_sim/faults}, {@code GET /_sim/requests}, {@code POST /_sim/reset}, plus each system's own).
 * Subclasses answer API requests in their vendor's shapes.
 */
public abstract class HttpSimulator implements Simulator {

    private static final System.Logger LOG = System.getLogger(HttpSimulator.class.getName());

    private final FaultInjector faults = new FaultInjector();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    /** The simulator's notion of now: timestamps, token expiry, export windows. */
    protected final Clock clock;
    /** Null until {@link #start(String, int)} and after {@link #close()}. */
    private @Nullable Listening listening;

    /** The server and the executor of its handlers, which start and stop together. */
    private record Listening(HttpServer server, ExecutorService executor) {
    }

    protected HttpSimulator(Clock clock) {
        this.clock = clock;
    }

    /** Answers an API request; may throw {@link SimRequest.BadRequest}. */
    protected abstract SimResponse handle(SimRequest request);

    /** The system's answer to missing, wrong or expired credentials (401). */
    protected abstract SimResponse unauthorized();

    /**
     * The system's error body for {@code status} (400, 404, 429, 5xx); {@code message} is null when a rejected request's
     * exception carried none.
     */
    protected abstract SimResponse error(int status, @Nullable String message);

    /**
     * The system's refusal of a request's {@code field} with a 4xx {@code status} (an injected
     * {@link Fault.ClientError}); by default its error body with a message naming the field.
     */
    protected SimResponse invalidField(int status, String field) {
        return error(status, field + " is not valid");
    }

    /** A system-specific admin route (path under {@code /_sim/}), or null when there is none. */
    protected @Nullable SimResponse admin(SimRequest request) {
        return null;
    }

    /** Forgets the system's data (tickets, tokens, messages). */
    protected abstract void clearData();

    @Override
    public Simulator start(int port) {
        return start("127.0.0.1", port);
    }

    @Override
    public Simulator start(String host, int port) {
        listen(host, port);
        return this;
    }

    private synchronized void listen(String host, int port) {
        if (listening != null) {
            throw new IllegalStateException(system() + " simulator already started at " + baseUri());
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
        listening = new Listening(server, executor);
    }

    @Override
    public synchronized URI baseUri() {
        Listening current = listening;
        if (current == null) {
            throw new IllegalStateException(system() + " simulator not started");
        }
        InetSocketAddress address = current.server().getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        return URI.create("http://" + host + ":" + address.getPort());
    }

    /**
     * The base URL as the client addressed it (its {@code Host} header), for links a client follows ({@code Link},
     * {@code after_url}); differs from {@link #baseUri()} when the simulator is reached through another name, e.g.
     * in a container network.
     */
    protected URI requestBase(SimRequest request) {
        String host = request.header("Host");
        return host == null || host.isBlank() ? baseUri() : URI.create("http://" + host);
    }

    @Override
    public FaultInjector faults() {
        return faults;
    }

    @Override
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void reset() {
        faults.clear();
        requests.clear();
        clearData();
    }

    @Override
    public synchronized void close() {
        Listening current = listening;
        if (current != null) {
            current.server().stop(0);
            // Interrupts handlers still sleeping in a slow fault, so closing never waits for them.
            current.executor().shutdownNow();
            listening = null;
        }
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest recorded = record(exchange);
            SimRequest request = SimRequest.of(recorded);
            SimResponse response;
            if (recorded.path().startsWith("/_sim/")) {
                response = adminOrError(request);
            } else {
                requests.add(recorded);
                response = answer(request);
            }
            if (response == null) {
                // Drop: leaving the handler by an exception makes the JDK server close the connection unanswered.
                throw new IOException("connection dropped by fault injection");
            }
            send(exchange, response);
        }
    }

    /** The answer to an API request, or null when an injected fault drops the connection. */
    private @Nullable SimResponse answer(SimRequest request) {
        switch (faults.next().orElse(null)) {
            case null -> { }
            case Fault.Slow slow -> sleep(slow.delay().toMillis());
            case Fault.ServerError serverError -> {
                return error(serverError.status(), "Injected server error");
            }
            case Fault.RateLimited limited -> {
                return error(429, "Rate limit exceeded")
                        .withHeader("Retry-After", Long.toString(limited.retryAfter().toSeconds()));
            }
            case Fault.ExpiredToken expired -> {
                return unauthorized();
            }
            case Fault.ClientError refused -> {
                return invalidField(refused.status(), refused.field());
            }
            case Fault.DropConnection drop -> {
                return null;
            }
        }
        try {
            return handle(request);
        } catch (SimRequest.BadRequest | IllegalArgumentException e) {
            // IllegalArgumentException covers unparsable numbers in query parameters and bodies.
            return error(400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, system() + " simulator failed on " + request.method() + " " + request.path(), e);
            return error(500, "Simulator error: " + e);
        }
    }

    private SimResponse adminOrError(SimRequest request) {
        try {
            SimResponse response = commonAdmin(request);
            if (response == null) {
                response = admin(request);
            }
            return response != null ? response : adminError(404, "no admin route " + request.method() + " " + request.path());
        } catch (IllegalArgumentException | SimRequest.BadRequest e) {
            return adminError(400, e.getMessage());
        }
    }

    private @Nullable SimResponse commonAdmin(SimRequest request) {
        String route = request.method() + " " + request.path();
        return switch (route) {
            case "POST /_sim/faults" -> {
                FaultRequest.apply(request.json(), faults);
                yield SimResponse.json(201, SimJson.object().put("activeRules", faults.activeRules()));
            }
            case "DELETE /_sim/faults" -> {
                faults.clear();
                yield SimResponse.empty(204);
            }
            case "GET /_sim/requests" -> SimResponse.json(200, requestsJson());
            case "POST /_sim/reset" -> {
                reset();
                yield SimResponse.empty(204);
            }
            default -> null;
        };
    }

    private ArrayNode requestsJson() {
        ArrayNode list = SimJson.array();
        for (RecordedRequest r : requests) {
            ObjectNode node = list.addObject();
            node.put("receivedAt", r.receivedAt().toString());
            node.put("method", r.method());
            node.put("path", r.path());
            node.put("query", r.query());
            node.put("body", r.bodyText());
        }
        return list;
    }

    /** Admin errors use one neutral shape in every simulator ({@code message} null: JSON {@code null}). */
    protected static SimResponse adminError(int status, @Nullable String message) {
        return SimResponse.json(status, SimJson.object().put("error", message));
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        URI uri = exchange.getRequestURI();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        return new RecordedRequest(clock.instant(), exchange.getRequestMethod(), uri.getPath(), query, headers, body);
    }

    private static void send(HttpExchange exchange, SimResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        boolean noBody = response.body().length == 0 || response.status() == 204;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
