package io.triage.simulators.zendesk;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.triage.simulators.BasicCredentials;
import io.triage.simulators.HttpSimulator;
import io.triage.simulators.RateWindow;
import io.triage.simulators.SimClock;
import io.triage.simulators.SimJson;
import io.triage.simulators.SimRequest;
import io.triage.simulators.SimResponse;
import io.triage.simulators.WebhookSender;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Zendesk Support: the cursor-based incremental ticket export
 * ({@code GET /api/v2/incremental/tickets/cursor.json?start_time=|cursor=}, rate-limited with {@code 429} +
 * {@code Retry-After}), {@code GET|PUT /api/v2/tickets/{id}[.json]}, {@code GET /api/v2/tickets/{id}/comments[.json]}
 * and {@code PUT /api/v2/tickets/{id}/tags[.json]}. Auth: API token ({@code email/token:token}, basic). Ticket
 * creation and updates send signed event-subscription webhooks to the configured target.
 *
 * <p>Admin: {@code POST /_sim/tickets} (seed), {@code GET /_sim/tickets}, {@code GET /_sim/tickets/{id}} (with
 * comments), {@code PUT /_sim/webhook} ({@code {"url","secret"}}), {@code GET /_sim/webhooks} (deliveries).
 */
public final class ZendeskSimulator extends HttpSimulator {

    private static final Pattern TICKET = Pattern.compile("^/api/v2/tickets/(\\d+)(/comments|/tags)?(?:\\.json)?$");
    private static final Pattern ADMIN_TICKET = Pattern.compile("^/_sim/tickets/(\\d+)$");
    private static final Set<String> PRIORITIES = Set.of("urgent", "high", "normal", "low");
    private static final Set<String> STATUSES = Set.of("new", "open", "pending", "hold", "solved", "closed");

    private final ZendeskSettings settings;
    private final ZendeskWebhooks webhooks;
    private final Object lock = new Object();
    private final TreeMap<Long, ObjectNode> tickets = new TreeMap<>();
    private final Map<Long, List<ObjectNode>> comments = new TreeMap<>();
    private final RateWindow accountLimit;
    private final RateWindow exportLimit;
    private long nextTicketId = 35436;
    private long nextCommentId = 1;

    public ZendeskSimulator() {
        this(ZendeskSettings.defaults(), SimClock.system());
    }

    public ZendeskSimulator(ZendeskSettings settings, Clock clock) {
        super(clock);
        this.settings = settings;
        this.webhooks = new ZendeskWebhooks(clock, settings);
        this.accountLimit = new RateWindow(settings.requestsPerMinute(), Duration.ofMinutes(1));
        this.exportLimit = new RateWindow(settings.exportRequestsPerMinute(), Duration.ofMinutes(1));
    }

    @Override
    public ZendeskSimulator start(int port) {
        super.start(port);
        return this;
    }

    @Override
    public ZendeskSimulator start(String host, int port) {
        super.start(host, port);
        return this;
    }

    @Override
    public void close() {
        super.close();
        webhooks.sender().close();
    }

    @Override
    public String system() {
        return "zendesk";
    }

    public ZendeskSettings settings() {
        return settings;
    }

    /** Points ticket webhooks at {@code target} (null stops them), signed with {@code secret}. */
    public void webhookTarget(@Nullable URI target, String secret) {
        webhooks.configure(target, secret);
    }

    /** Every webhook sent so far, with the receiver's answer. */
    public List<WebhookSender.Delivery> webhookDeliveries() {
        return webhooks.sender().deliveries();
    }

    /**
     * Seeds a ticket from Zendesk ticket fields ({@code subject}, {@code description}, {@code priority},
     * {@code status}, {@code tags}, {@code group_id}, …; {@code created_at}/{@code updated_at} may be given to place it
     * in the past). The description becomes the first, public comment. Sends {@code ticket.created}.
     */
    public JsonNode createTicket(JsonNode fields) {
        ObjectNode ticket;
        synchronized (lock) {
            long id = nextTicketId++;
            String now = now();
            ticket = SimJson.object();
            ticket.put("url", baseUri() + "/api/v2/tickets/" + id + ".json");
            ticket.put("id", id);
            ticket.putNull("external_id");
            ticket.putObject("via").put("channel", "web").putObject("source").putObject("from");
            ticket.put("created_at", fields.path("created_at").asString(now));
            ticket.put("updated_at", fields.path("updated_at").asString(ticket.get("created_at").asString()));
            ticket.putNull("type");
            ticket.put("subject", fields.path("subject").asString(""));
            ticket.put("raw_subject", fields.path("subject").asString(""));
            ticket.put("description", fields.path("description").asString(""));
            ticket.putNull("priority");
            ticket.put("status", "new");
            for (String idField : List.of("requester_id", "submitter_id", "assignee_id", "organization_id", "group_id", "brand_id")) {
                ticket.putNull(idField);
            }
            ticket.putArray("collaborator_ids");
            ticket.putArray("follower_ids");
            ticket.putArray("email_cc_ids");
            ticket.putArray("tags");
            ticket.putArray("custom_fields");
            applyFields(ticket, fields);
            tickets.put(id, ticket);
            comments.put(id, new ArrayList<>());
            addComment(id, ticket.get("description").asString(), null, true, ticket.path("requester_id").asLong(0),
                    ticket.get("created_at").asString());
            ticket = ticket.deepCopy();
        }
        webhooks.send("ticket.created", ticket, SimJson.object());
        return ticket;
    }

    public Optional<JsonNode> ticket(long id) {
        synchronized (lock) {
            return Optional.ofNullable(tickets.get(id)).map(JsonNode::deepCopy);
        }
    }

    /** The ticket's comments, oldest first (the first is the description). */
    public List<JsonNode> comments(long id) {
        synchronized (lock) {
            return comments.getOrDefault(id, List.of()).stream().<JsonNode>map(JsonNode::deepCopy).toList();
        }
    }

    @Override
    protected SimResponse handle(SimRequest request) {
        if (!BasicCredentials.matches(request.header("Authorization"), settings.email() + "/token", settings.apiToken())) {
            return unauthorized();
        }
        Instant now = clock.instant();
        OptionalLong retryAfter = accountLimit.acquire(now);
        if (retryAfter.isPresent()) {
            return error(429, "rate limited").withHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
        }
        SimResponse response = route(request);
        if (accountLimit.limit() <= 0) {
            return response;
        }
        return response.withHeader("X-Rate-Limit", Integer.toString(accountLimit.limit()))
                .withHeader("X-Rate-Limit-Remaining", Integer.toString(accountLimit.remaining(now)));
    }

    private SimResponse route(SimRequest request) {
        String path = request.path();
        if (path.equals("/api/v2/incremental/tickets/cursor.json") && request.method().equals("GET")) {
            return export(request);
        }
        Matcher m = TICKET.matcher(path);
        if (!m.matches()) {
            return error(404, "InvalidEndpoint", "Not found");
        }
        long id = Long.parseLong(m.group(1));
        String sub = m.group(2) == null ? "" : m.group(2);
        return switch (request.method() + " " + sub) {
            case "GET " -> ticket(id).map(t -> SimResponse.json(200, SimJson.object().set("ticket", t))).orElseGet(this::notFound);
            case "PUT " -> update(id, request.json());
            case "GET /comments" -> listComments(id);
            case "PUT /tags" -> addTags(id, request.json());
            default -> error(404, "InvalidEndpoint", "Not found");
        };
    }

    @Override
    protected @Nullable SimResponse admin(SimRequest request) {
        String route = request.method() + " " + request.path();
        if (route.equals("POST /_sim/tickets")) {
            JsonNode body = request.json();
            return SimResponse.json(201, SimJson.object().set("ticket", createTicket(body.has("ticket") ? body.get("ticket") : body)));
        }
        if (route.equals("GET /_sim/tickets")) {
            ArrayNode list = SimJson.array();
            synchronized (lock) {
                tickets.values().forEach(t -> list.add(t.deepCopy()));
            }
            return SimResponse.json(200, SimJson.object().set("tickets", list));
        }
        if (route.equals("PUT /_sim/webhook")) {
            JsonNode body = request.json();
            String url = body.path("url").asString(null);
            webhookTarget(url == null ? null : URI.create(url), body.path("secret").asString(settings.webhookSecret()));
            return SimResponse.empty(204);
        }
        if (route.equals("GET /_sim/webhooks")) {
            ArrayNode list = SimJson.array();
            for (WebhookSender.Delivery d : webhookDeliveries()) {
                ObjectNode node = list.addObject().put("target", d.target().toString()).put("status", d.status())
                        .put("failure", d.failure()).put("body", new String(d.body(), StandardCharsets.UTF_8));
                node.set("headers", SimJson.MAPPER.valueToTree(d.headers()));
            }
            return SimResponse.json(200, list);
        }
        Matcher m = ADMIN_TICKET.matcher(request.path());
        if (request.method().equals("GET") && m.matches()) {
            long id = Long.parseLong(m.group(1));
            return ticket(id).map(t -> {
                ObjectNode body = SimJson.object().set("ticket", t);
                body.set("comments", SimJson.MAPPER.valueToTree(comments(id)));
                return SimResponse.json(200, body);
            }).orElseGet(this::notFound);
        }
        return null;
    }

    @Override
    protected SimResponse unauthorized() {
        return SimResponse.json(401, SimJson.object().put("error", "Couldn't authenticate you"));
    }

    @Override
    protected SimResponse error(int status, @Nullable String message) {
        if (status == 429) {
            // One observed Zendesk 429 body was text/plain (secondary).
            return SimResponse.text(429, "Too Many Requests");
        }
        return error(status, status >= 500 ? "InternalError" : "InvalidValue", message);
    }

    @Override
    protected SimResponse invalidField(int status, String field) {
        return recordInvalid(status, List.of(field));
    }

    /** Zendesk's validation failure: {@code RecordInvalid} with one {@code details} entry per refused field. */
    private static SimResponse recordInvalid(int status, List<String> fields) {
        ObjectNode details = SimJson.object();
        fields.forEach(f -> details.putArray(f).addObject().put("description", f + " is not valid"));
        ObjectNode error = SimJson.object().put("error", "RecordInvalid").put("description", "Record validation errors");
        error.set("details", details);
        return SimResponse.json(status, error);
    }

    @Override
    protected void clearData() {
        synchronized (lock) {
            tickets.clear();
            comments.clear();
        }
        accountLimit.clear();
        exportLimit.clear();
        webhooks.sender().clear();
    }

    private static SimResponse error(int status, String error, @Nullable String description) {
        return SimResponse.json(status, SimJson.object().put("error", error).put("description", description));
    }

    private SimResponse notFound() {
        return error(404, "RecordNotFound", "Not found");
    }

    private SimResponse export(SimRequest request) {
        OptionalLong retryAfter = exportLimit.acquire(clock.instant());
        if (retryAfter.isPresent()) {
            return error(429, "rate limited").withHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
        }
        long horizon = clock.instant().minus(settings.exportLag()).getEpochSecond();
        ExportCursor after;
        String cursor = request.param("cursor");
        boolean firstPage = cursor == null;
        if (cursor == null) {
            String startTime = request.param("start_time");
            if (startTime == null || !startTime.matches("\\d+")) {
                return error(400, "InvalidValue", "start_time or cursor is required");
            }
            if (Long.parseLong(startTime) > horizon) {
                return error(400, "InvalidValue", "start_time must be more than one minute in the past");
            }
            after = new ExportCursor(Long.parseLong(startTime), 0);
        } else {
            after = ExportCursor.decode(cursor);
        }
        int perPage = Math.min(Integer.parseInt(request.param("per_page", "1000")), settings.exportMaxPerPage());
        if (perPage < 1) {
            return error(400, "InvalidValue", "per_page must be at least 1");
        }
        List<ObjectNode> eligible = new ArrayList<>();
        synchronized (lock) {
            tickets.values().stream()
                    .filter(t -> generated(t) < horizon && position(t).compareTo(after) > 0)
                    .sorted((a, b) -> position(a).compareTo(position(b)))
                    .forEach(t -> eligible.add(t.deepCopy()));
        }
        List<ObjectNode> page = eligible.subList(0, Math.min(perPage, eligible.size()));
        ArrayNode list = SimJson.array();
        page.forEach(t -> list.add(t.put("generated_timestamp", generated(t))));
        ExportCursor last = page.isEmpty() ? after : position(page.getLast());
        String base = requestBase(request) + request.path() + "?cursor=";
        ObjectNode body = SimJson.object();
        body.set("tickets", list);
        body.put("after_url", base + last.encode());
        body.put("after_cursor", last.encode());
        String before = firstPage || page.isEmpty() ? null : position(page.getFirst()).encode();
        body.put("before_url", before == null ? null : base + before);
        body.put("before_cursor", before);
        body.put("end_of_stream", eligible.size() <= perPage);
        return SimResponse.json(200, body);
    }

    private SimResponse update(long id, JsonNode body) {
        JsonNode fields = body.path("ticket");
        if (!fields.isObject()) {
            return error(400, "InvalidValue", "ticket object required");
        }
        List<String> invalid = new ArrayList<>();
        if (fields.has("priority") && !fields.get("priority").isNull() && !PRIORITIES.contains(fields.get("priority").asString())) {
            invalid.add("priority");
        }
        if (fields.has("status") && !STATUSES.contains(fields.get("status").asString())) {
            invalid.add("status");
        }
        if (!invalid.isEmpty()) {
            return recordInvalid(422, invalid);
        }
        ObjectNode before;
        ObjectNode after;
        ObjectNode comment = null;
        synchronized (lock) {
            ObjectNode ticket = tickets.get(id);
            if (ticket == null) {
                return notFound();
            }
            before = ticket.deepCopy();
            applyFields(ticket, fields);
            ticket.put("updated_at", now());
            JsonNode newComment = fields.path("comment");
            if (newComment.isObject()) {
                String text = newComment.path("body").asString(null);
                String html = newComment.path("html_body").asString(null);
                comment = addComment(id, text != null ? text : html, html, newComment.path("public").asBoolean(true),
                        newComment.path("author_id").asLong(0), ticket.get("updated_at").asString()).deepCopy();
            }
            after = ticket.deepCopy();
        }
        webhooks.sendChanges(before, after, comment);
        return SimResponse.json(200, SimJson.object().set("ticket", after));
    }

    private SimResponse addTags(long id, JsonNode body) {
        ObjectNode before;
        ObjectNode after;
        synchronized (lock) {
            ObjectNode ticket = tickets.get(id);
            if (ticket == null) {
                return notFound();
            }
            if (body.path("safe_update").asString("false").equals("true")
                    && !body.path("updated_stamp").asString("").equals(ticket.get("updated_at").asString())) {
                return error(409, "UpdateConflict", "Safe Update prevented the update due to outdated ticket data");
            }
            before = ticket.deepCopy();
            Set<String> tags = new LinkedHashSet<>();
            ticket.get("tags").forEach(t -> tags.add(t.asString()));
            body.path("tags").forEach(t -> tags.add(t.asString()));
            ArrayNode list = ticket.putArray("tags");
            tags.forEach(list::add);
            ticket.put("updated_at", now());
            after = ticket.deepCopy();
        }
        webhooks.sendChanges(before, after, null);
        return SimResponse.json(200, SimJson.object().set("tags", after.get("tags")));
    }

    private SimResponse listComments(long id) {
        if (ticket(id).isEmpty()) {
            return notFound();
        }
        ObjectNode body = SimJson.object();
        body.set("comments", SimJson.MAPPER.valueToTree(comments(id)));
        body.putNull("next_page");
        body.putNull("previous_page");
        body.put("count", comments(id).size());
        return SimResponse.json(200, body);
    }

    /** Copies the writable ticket fields; {@code tags} replaces the whole list. */
    private static void applyFields(ObjectNode ticket, JsonNode fields) {
        for (String name : List.of("subject", "priority", "status", "type", "group_id", "assignee_id", "requester_id",
                "submitter_id", "organization_id", "brand_id", "external_id", "tags", "custom_fields")) {
            if (fields.has(name)) {
                ticket.set(name, fields.get(name).deepCopy());
            }
        }
        if (fields.has("subject")) {
            ticket.set("raw_subject", fields.get("subject").deepCopy());
        }
    }

    /** Adds a comment; without {@code html} its HTML body is the escaped text. Call under the lock. */
    private ObjectNode addComment(long ticketId, String body, @Nullable String html, boolean isPublic, long authorId,
            String at) {
        ObjectNode comment = SimJson.object()
                .put("id", nextCommentId++)
                .put("type", "Comment")
                .put("author_id", authorId)
                .put("body", body)
                .put("html_body", html != null ? html : "<div class=\"zd-comment\"><p>" + escapeHtml(body) + "</p></div>")
                .put("plain_body", body)
                .put("public", isPublic)
                .put("created_at", at);
        comment.putArray("attachments");
        comment.putObject("via").put("channel", "api");
        comments.computeIfAbsent(ticketId, key -> new ArrayList<>()).add(comment);
        return comment;
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Where a ticket stands in the export order. */
    private static ExportCursor position(JsonNode ticket) {
        return ExportCursor.of(generated(ticket), ticket.get("id").asLong());
    }

    private static long generated(JsonNode ticket) {
        return Instant.parse(ticket.get("updated_at").asString()).getEpochSecond();
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
