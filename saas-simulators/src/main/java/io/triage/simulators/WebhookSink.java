package io.triage.simulators;

import java.time.Clock;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Accepts any request with {@code 200} and keeps it ({@link #requests()}): a stand-in webhook receiver, so tests can
 * check what the simulators send over the wire (headers, exact body bytes) without writing an HTTP server.
 */
public final class WebhookSink extends HttpSimulator {

    public WebhookSink() {
        super(Clock.systemUTC());
    }

    @Override
    public WebhookSink start(int port) {
        super.start(port);
        return this;
    }

    @Override
    public WebhookSink start(String host, int port) {
        super.start(host, port);
        return this;
    }

    @Override
    public String system() {
        return "sink";
    }

    @Override
    protected SimResponse handle(SimRequest request) {
        return SimResponse.empty(200);
    }

    @Override
    protected SimResponse unauthorized() {
        return SimResponse.empty(401);
    }

    @Override
    protected SimResponse error(int status, @Nullable String message) {
        // Only injected faults reach here (the handler above never throws), and they always carry a message.
        return SimResponse.text(status, Objects.requireNonNullElse(message, ""));
    }

    @Override
    protected void clearData() {
        // Nothing beyond the recorded requests, which the base class clears.
    }
}
