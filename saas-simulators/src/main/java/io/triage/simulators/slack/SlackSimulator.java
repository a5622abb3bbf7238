package io.triage.simulators.slack;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import io.triage.simulators.HttpSimulator;
import io.triage.simulators.SimClock;
import io.triage.simulators.SimJson;
import io.triage.simulators.SimRequest;
import io.triage.simulators.SimResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Slack incoming webhooks: {@code POST /services/{T…}/{B…}/{token}} with {@code {"text","blocks"}}, answered in
 * Slack's text/plain way ({@code 200 ok}, {@code 400 invalid_payload}/{@code no_text}, {@code 404 no_service} for a
 * disabled webhook). Every accepted message is kept.
 *
 * <p>Admin: {@code GET /_sim/messages}, {@code POST /_sim/disable} ({@code {"path":"/services/T/B/x"}}).
 */
public final class SlackSimulator extends HttpSimulator {

    /**
     * A message Slack would have posted.
     *
     * @param receivedAt when it arrived
     * @param webhookPath the webhook it was posted to ({@code /services/T…/B…/token})
     * @param text        the {@code text} (mrkdwn; the notification fallback when blocks are present), or null
     * @param blocks      the Block Kit {@code blocks}, or null
     */
    public record Message(Instant receivedAt, String webhookPath, @Nullable String text, @Nullable JsonNode blocks) {
    }

    private static final Pattern WEBHOOK = Pattern.compile("^/services/[A-Za-z0-9]+/[A-Za-z0-9]+/[A-Za-z0-9]+$");

    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Set<String> disabled = ConcurrentHashMap.newKeySet();

    public SlackSimulator() {
        this(SimClock.system());
    }

    public SlackSimulator(Clock clock) {
        super(clock);
    }

    @Override
    public SlackSimulator start(int port) {
        super.start(port);
        return this;
    }

    @Override
    public SlackSimulator start(String host, int port) {
        super.start(host, port);
        return this;
    }

    @Override
    public String system() {
        return "slack";
    }

    /** Messages received so far, oldest first. */
    public List<Message> messages() {
        return List.copyOf(messages);
    }

    /** Makes the webhook at {@code path} answer {@code 404 no_service}, as a removed webhook does. */
    public void disable(String path) {
        disabled.add(path);
    }

    @Override
    protected SimResponse handle(SimRequest request) {
        if (!request.method().equals("POST") || !WEBHOOK.matcher(request.path()).matches()
                || disabled.contains(request.path())) {
            return SimResponse.text(404, "no_service");
        }
        JsonNode body;
        try {
            String contentType = request.header("Content-Type");
            body = contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
                    ? SimJson.parse(SimRequest.decodeForm(request.bodyText()).getOrDefault("payload", ""))
                    : request.json();
        } catch (RuntimeException e) {
            return SimResponse.text(400, "invalid_payload");
        }
        if (!body.isObject()) {
            return SimResponse.text(400, "invalid_payload");
        }
        JsonNode text = body.path("text");
        JsonNode blocks = body.path("blocks");
        if ((text.isMissingNode() || text.asString("").isBlank()) && !blocks.isArray()) {
            return SimResponse.text(400, "no_text");
        }
        messages.add(new Message(clock.instant(), request.path(), text.isMissingNode() ? null : text.asString(),
                blocks.isArray() ? blocks.deepCopy() : null));
        return SimResponse.text(200, "ok");
    }

    @Override
    protected @Nullable SimResponse admin(SimRequest request) {
        String route = request.method() + " " + request.path();
        if (route.equals("GET /_sim/messages")) {
            ArrayNode list = SimJson.array();
            messages.forEach(m -> {
                var node = list.addObject().put("receivedAt", m.receivedAt().toString()).put("webhookPath", m.webhookPath())
                        .put("text", m.text());
                node.set("blocks", m.blocks());
            });
            return SimResponse.json(200, list);
        }
        if (route.equals("POST /_sim/disable")) {
            disable(request.json().path("path").asString(""));
            return SimResponse.empty(204);
        }
        return null;
    }

    @Override
    protected SimResponse unauthorized() {
        return SimResponse.text(403, "invalid_token");
    }

    @Override
    protected SimResponse error(int status, @Nullable String message) {
        return SimResponse.text(status, switch (status) {
            case 400 -> "invalid_payload";
            case 429 -> "rate_limited";
            default -> "rollup_error";
        });
    }

    @Override
    protected void clearData() {
        messages.clear();
        disabled.clear();
    }
}
