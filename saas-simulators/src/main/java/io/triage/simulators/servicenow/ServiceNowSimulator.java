package io.triage.simulators.servicenow;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.triage.simulators.BasicCredentials;
import io.triage.simulators.HttpSimulator;
import io.triage.simulators.SimClock;
import io.triage.simulators.SimJson;
import io.triage.simulators.SimRequest;
import io.triage.simulators.SimResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ServiceNow: {@code POST /oauth_token.do} (password, refresh_token, client_credentials grants), and the Table API
 * ({@code /api/now/table/…} and {@code /api/now/v2/table/…}) for {@code incident} (list, get, create, PATCH/PUT) and
 * {@code sys_journal_field} (list, where work notes and comments written to an incident can be read back).
 * Values are strings, date-times UTC {@code YYYY-MM-DD HH:MM:SS}, references {@code {"link","value"}}; journal fields
 * read back as {@code ""}; {@code sysparm_display_value=true|all} shows choice labels and seeded reference names. Auth: {@code Bearer} token from the token endpoint, or basic with the integration user.
 *
 * <p>Admin: {@code POST /_sim/incidents} (seed; missing fields filled), {@code GET /_sim/incidents},
 * {@code GET /_sim/incidents/{sys_id}/journal}, {@code POST /_sim/display-names} ({@code {"table","sys_id","name"}}).
 */
public final class ServiceNowSimulator extends HttpSimulator {

    /** A journal entry written through {@code work_notes} or {@code comments}. */
    public record JournalEntry(String element, String value, String createdOn, String createdBy) {
    }

    static final DateTimeFormatter GLIDE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Pattern TABLE_PATH = Pattern.compile("^/api/now(?:/v[12])?/table/([a-z0-9_]+)(?:/([0-9a-f]{32}))?$");
    private static final String RATE_LIMIT_RULE = "7ad4ba6bdb3003004bd3f7dcbf9619a5";
    private static final Set<String> NOT_WRITABLE = Set.of("sys_id", "priority", "sys_mod_count");

    private final ServiceNowSettings settings;
    private final OAuthTokens tokens;
    private final Table incidents = new Table("incident",
            List.of("sys_id", "number", "short_description", "description", "caller_id", "assignment_group",
                    "assigned_to", "urgency", "impact", "priority", "state", "category", "subcategory",
                    "opened_at", "sys_created_on", "sys_updated_on", "sys_mod_count", "work_notes", "comments"),
            Set.of("opened_at", "sys_created_on", "sys_updated_on"),
            Map.of("caller_id", "sys_user", "assignment_group", "sys_user_group", "assigned_to", "sys_user"),
            Set.of("work_notes", "comments"));
    private final Table journal = new Table("sys_journal_field",
            List.of("sys_id", "name", "element", "element_id", "value", "sys_created_on", "sys_created_by"),
            Set.of("sys_created_on"), Map.of(), Set.of());
    private final AtomicInteger numbers = new AtomicInteger(10000);
    private final DisplayValues displayValues = new DisplayValues();
    private final RecordRenderer renderer;
    private final TokenEndpoint tokenEndpoint;

    public ServiceNowSimulator() {
        this(ServiceNowSettings.defaults(), SimClock.system());
    }

    public ServiceNowSimulator(ServiceNowSettings settings, Clock clock) {
        super(clock);
        this.settings = settings;
        this.tokens = new OAuthTokens(clock);
        this.renderer = new RecordRenderer(settings, displayValues, this::baseUri);
        this.tokenEndpoint = new TokenEndpoint(settings, tokens, clock);
    }

    @Override
    public ServiceNowSimulator start(int port) {
        super.start(port);
        return this;
    }

    @Override
    public ServiceNowSimulator start(String host, int port) {
        super.start(host, port);
        return this;
    }

    @Override
    public String system() {
        return "servicenow";
    }

    public ServiceNowSettings settings() {
        return settings;
    }

    /**
     * Seeds an incident. Missing {@code sys_id}, {@code number}, timestamps, {@code urgency}/{@code impact} (3) and
     * {@code state} (1) are filled; {@code priority} follows impact × urgency. Returns the stored record.
     */
    public Map<String, String> createIncident(Map<String, String> fields) {
        String now = GLIDE.format(clock.instant());
        Map<String, String> row = new LinkedHashMap<>();
        incidents.columns().forEach(c -> row.put(c, ""));
        fields.forEach((k, v) -> {
            if (incidents.columns().contains(k) && !incidents.journal(k)) {
                row.put(k, v);
            }
        });
        row.computeIfPresent("sys_id", (k, v) -> v.isEmpty() ? newSysId() : v);
        row.computeIfPresent("number", (k, v) -> v.isEmpty() ? "INC%07d".formatted(numbers.incrementAndGet()) : v);
        for (String stamp : List.of("opened_at", "sys_created_on", "sys_updated_on")) {
            row.computeIfPresent(stamp, (k, v) -> v.isEmpty() ? now : v);
        }
        row.computeIfPresent("urgency", (k, v) -> v.isEmpty() ? "3" : v);
        row.computeIfPresent("impact", (k, v) -> v.isEmpty() ? "3" : v);
        row.computeIfPresent("state", (k, v) -> v.isEmpty() ? "1" : v);
        row.put("sys_mod_count", "0");
        row.put("priority", priority(row));
        incidents.insert(row);
        String sysId = Objects.requireNonNull(row.get("sys_id"), "sys_id is an incident column");
        String creator = fields.getOrDefault("sys_created_by", settings.username());
        appendJournal(sysId, "work_notes", fields.get("work_notes"), creator, now);
        appendJournal(sysId, "comments", fields.get("comments"), creator, now);
        return incidents.get(sysId).orElseThrow();
    }

    /** Names a referenced record, e.g. {@code ("sys_user_group", sysId, "Network Ops")}, for display values. */
    public void displayName(String table, String sysId, String name) {
        displayValues.name(table, sysId, name);
    }

    /** The stored incident (journal fields read {@code ""}, as over the API). */
    public Optional<Map<String, String>> incident(String sysId) {
        return incidents.get(sysId);
    }

    public List<Map<String, String>> incidents() {
        return incidents.all();
    }

    /** Work notes and comments written to an incident, oldest first. */
    public List<JournalEntry> journal(String sysId) {
        return journal.all().stream().filter(r -> sysId.equals(r.get("element_id")))
                .map(ServiceNowSimulator::journalEntry)
                .toList();
    }

    /** A {@code sys_journal_field} row as an entry ({@link #appendJournal} writes every column: no "" fallback shows). */
    private static JournalEntry journalEntry(Map<String, String> row) {
        return new JournalEntry(row.getOrDefault("element", ""), row.getOrDefault("value", ""),
                row.getOrDefault("sys_created_on", ""), row.getOrDefault("sys_created_by", ""));
    }

    @Override
    protected SimResponse handle(SimRequest request) {
        if (request.path().equals("/oauth_token.do")) {
            return request.method().equals("POST") ? tokenEndpoint.answer(request) : error(405, "Method not allowed");
        }
        Matcher table = TABLE_PATH.matcher(request.path());
        if (!table.matches()) {
            return error(400, "Requested URI does not represent any resource: " + request.path());
        }
        String caller = authenticate(request);
        if (caller == null) {
            return unauthorized();
        }
        Table target = switch (table.group(1)) {
            case "incident" -> incidents;
            case "sys_journal_field" -> journal;
            default -> null;
        };
        if (target == null) {
            return error(400, "Invalid table " + table.group(1));
        }
        String sysId = table.group(2);
        return switch (request.method()) {
            case "GET" -> sysId == null ? list(target, request) : getOne(target, sysId, request);
            case "POST" -> sysId == null && target == incidents ? create(request, caller) : error(405, "Method not allowed");
            case "PATCH", "PUT" -> sysId != null && target == incidents ? update(sysId, request, caller) : error(405, "Method not allowed");
            default -> error(405, "Method not allowed");
        };
    }

    @Override
    protected @Nullable SimResponse admin(SimRequest request) {
        if (request.method().equals("POST") && request.path().equals("/_sim/incidents")) {
            return SimResponse.json(201, SimJson.object().set("result", renderer.render(incidents, createIncident(strings(request.json())), null)));
        }
        if (request.method().equals("GET") && request.path().equals("/_sim/incidents")) {
            ArrayNode result = SimJson.array();
            incidents.all().forEach(r -> result.add(renderer.render(incidents, r, null)));
            return SimResponse.json(200, SimJson.object().set("result", result));
        }
        if (request.method().equals("POST") && request.path().equals("/_sim/display-names")) {
            JsonNode body = request.json();
            displayName(body.path("table").asString(""), body.path("sys_id").asString(""), body.path("name").asString(""));
            return SimResponse.empty(204);
        }
        Matcher m = Pattern.compile("^/_sim/incidents/([0-9a-f]{32})/journal$").matcher(request.path());
        if (request.method().equals("GET") && m.matches()) {
            return SimResponse.json(200, SimJson.object().set("result", SimJson.MAPPER.valueToTree(journal(m.group(1)))));
        }
        return null;
    }

    @Override
    protected SimResponse unauthorized() {
        return error(401, "User Not Authenticated", "Required to provide Auth information");
    }

    @Override
    protected SimResponse error(int status, @Nullable String message) {
        if (status == 429) {
            // The documented rate-limit answer; Retry-After is added by the caller.
            long reset = clock.instant().plusSeconds(3600).getEpochSecond();
            return error(429, "Rate limit exceeded", "Rate limit of 10 requests per hour for Table API exceeded")
                    .withHeader("X-RateLimit-Limit", "10")
                    .withHeader("X-RateLimit-Reset", Long.toString(reset))
                    .withHeader("X-RateLimit-Rule", RATE_LIMIT_RULE);
        }
        return error(status, message, null);
    }

    @Override
    protected void clearData() {
        incidents.clear();
        journal.clear();
        tokens.clear();
        displayValues.clear();
    }

    private static SimResponse error(int status, @Nullable String message, @Nullable String detail) {
        ObjectNode error = SimJson.object().put("message", message).put("detail", detail);
        return SimResponse.json(status, SimJson.object().<ObjectNode>set("error", error).put("status", "failure"));
    }

    /** The caller's user name, or null when the credentials are missing, wrong or expired. */
    private @Nullable String authenticate(SimRequest request) {
        String authorization = request.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return tokens.subject(authorization.substring(7).trim());
        }
        return BasicCredentials.matches(authorization, settings.username(), settings.password()) ? settings.username() : null;
    }

    private SimResponse list(Table table, SimRequest request) {
        int limit = intParam(request, "sysparm_limit", 10000);
        int offset = Math.max(0, intParam(request, "sysparm_offset", 0));
        if (limit < 1) {
            throw new SimRequest.BadRequest("sysparm_limit must be positive");
        }
        Table.Page page = table.list(request.param("sysparm_query"), settings.queryZone(),
                settings.invalidQueryReturnsNoRows(), offset, limit);
        ArrayNode result = SimJson.array();
        page.rows().forEach(r -> result.add(renderer.render(table, r, request)));
        SimResponse response = SimResponse.json(200, SimJson.object().set("result", result));
        if (!"true".equals(request.param("sysparm_no_count"))) {
            response = response.withHeader("X-Total-Count", Integer.toString(page.total()));
        }
        if (!"true".equals(request.param("sysparm_suppress_pagination_header"))) {
            response = response.withHeader("Link", links(request, offset, limit, page.total()));
        }
        return response;
    }

    private String links(SimRequest request, int offset, int limit, int total) {
        List<String> links = new ArrayList<>();
        links.add(link(request, 0, limit, "first"));
        if (offset > 0 || settings.prevLinkOnFirstPage()) {
            links.add(link(request, offset - limit, limit, "prev"));
        }
        if (offset + limit < total) {
            links.add(link(request, offset + limit, limit, "next"));
        }
        links.add(link(request, total == 0 ? 0 : (total - 1) / limit * limit, limit, "last"));
        return String.join(",", links);
    }

    private String link(SimRequest request, int offset, int limit, String rel) {
        Map<String, String> params = new LinkedHashMap<>(request.params());
        params.put("sysparm_offset", Integer.toString(offset));
        params.put("sysparm_limit", Integer.toString(limit));
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return "<" + requestBase(request) + request.path() + "?" + query + ">;rel=\"" + rel + "\"";
    }

    private SimResponse getOne(Table table, String sysId, SimRequest request) {
        return table.get(sysId)
                .map(r -> SimResponse.json(200, SimJson.object().set("result", renderer.render(table, r, request))))
                .orElseGet(() -> error(404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval"));
    }

    private SimResponse create(SimRequest request, String caller) {
        Map<String, String> fields = strings(request.json());
        fields.put("sys_created_by", caller);
        fields.keySet().removeIf(k -> k.startsWith("sys_") && !k.equals("sys_created_by"));
        return SimResponse.json(201, SimJson.object().set("result", renderer.render(incidents, createIncident(fields), request)));
    }

    private SimResponse update(String sysId, SimRequest request, String caller) {
        Map<String, String> fields = strings(request.json());
        String now = GLIDE.format(clock.instant());
        Optional<Map<String, String>> updated = incidents.update(sysId, row -> {
            fields.forEach((column, value) -> {
                if (row.containsKey(column) && !column.startsWith("sys_") && !NOT_WRITABLE.contains(column)
                        && !incidents.journal(column)) {
                    row.put(column, value);
                }
            });
            row.put("priority", priority(row));
            row.put("sys_updated_on", now);
            row.put("sys_mod_count", Integer.toString(Integer.parseInt(row.get("sys_mod_count")) + 1));
        });
        if (updated.isEmpty()) {
            return error(404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
        }
        appendJournal(sysId, "work_notes", fields.get("work_notes"), caller, now);
        appendJournal(sysId, "comments", fields.get("comments"), caller, now);
        if ("true".equals(request.header("X-no-response-body"))) {
            return SimResponse.empty(200);
        }
        return SimResponse.json(200, SimJson.object().set("result", renderer.render(incidents, updated.get(), request)));
    }

    /** Journal writes append an entry and never overwrite; the field itself stays {@code ""}. No value, no entry. */
    private void appendJournal(String sysId, String element, @Nullable String value, String caller, String now) {
        if (value == null || value.isEmpty()) {
            return;
        }
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("sys_id", newSysId());
        entry.put("name", "incident");
        entry.put("element", element);
        entry.put("element_id", sysId);
        entry.put("value", value);
        entry.put("sys_created_on", now);
        entry.put("sys_created_by", caller);
        journal.insert(entry);
    }

    /** Default priority lookup: impact × urgency, 1..3 each, gives 1 (Critical) to 5 (Planning). */
    private static String priority(Map<String, String> row) {
        try {
            int impact = Integer.parseInt(row.get("impact"));
            int urgency = Integer.parseInt(row.get("urgency"));
            return Integer.toString(Math.clamp(impact + urgency - 1, 1, 5));
        } catch (NumberFormatException e) {
            return "5";
        }
    }

    /** A JSON object's members as strings, as ServiceNow stores them (numbers and booleans become text). */
    private static Map<String, String> strings(JsonNode json) {
        if (!json.isObject()) {
            throw new SimRequest.BadRequest("Exception while reading request");
        }
        Map<String, String> values = new LinkedHashMap<>();
        json.properties().forEach(e -> values.put(e.getKey(),
                e.getValue().isObject() ? e.getValue().path("value").asString("") : e.getValue().asString("")));
        return values;
    }

    private static int intParam(SimRequest request, String name, int fallback) {
        try {
            return Integer.parseInt(request.param(name, Integer.toString(fallback)));
        } catch (NumberFormatException e) {
            throw new SimRequest.BadRequest(name + " is not a number");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String newSysId() {
        UUID uuid = UUID.randomUUID();
        return HexFormat.of().toHexDigits(uuid.getMostSignificantBits()) + HexFormat.of().toHexDigits(uuid.getLeastSignificantBits());
    }
}
