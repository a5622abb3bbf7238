package io.triage.simulators.fault;

import java.time.Duration;

import tools.jackson.databind.JsonNode;

/**
 * Reads the body of {@code POST /_sim/faults}, e.g.
 * {@code {"fault":"server_error","status":503,"count":2}},
 * {@code {"fault":"rate_limited","retryAfterSeconds":30,"percent":25,"seed":7}},
 * {@code {"fault":"slow","delayMillis":1500,"count":1}}, {@code {"fault":"expired_token","count":1}},
 * {@code {"fault":"drop_connection","count":1}}, {@code {"fault":"client_error","status":422,"field":"group_id"}}. Without {@code count} or {@code percent} the fault hits the next
 * request only.
 */
public final class FaultRequest {

    private FaultRequest() {
    }

    /** Adds the rule the JSON describes; throws {@link IllegalArgumentException} when it is not understood. */
    public static void apply(JsonNode body, FaultInjector faults) {
        Fault fault = fault(body);
        if (body.has("percent")) {
            faults.percentage(body.get("percent").asDouble(), body.path("seed").asLong(0), fault);
        } else {
            faults.nextRequests(body.path("count").asInt(1), fault);
        }
    }

    private static Fault fault(JsonNode body) {
        String kind = body.path("fault").asString("");
        return switch (kind) {
            case "server_error" -> new Fault.ServerError(body.path("status").asInt(503));
            case "rate_limited" -> new Fault.RateLimited(Duration.ofSeconds(body.path("retryAfterSeconds").asLong(30)));
            case "slow" -> new Fault.Slow(Duration.ofMillis(body.path("delayMillis").asLong(2000)));
            case "expired_token" -> new Fault.ExpiredToken();
            case "drop_connection" -> new Fault.DropConnection();
            case "client_error" -> new Fault.ClientError(body.path("status").asInt(400), body.path("field").asString(""));
            default -> throw new IllegalArgumentException("unknown fault '" + kind
                    + "'; one of server_error, rate_limited, slow, expired_token, drop_connection, client_error");
        };
    }
}
