package io.triage.simulators.jira;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.triage.simulators.BasicCredentials;
import io.triage.simulators.HttpSimulator;
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
 * Jira Cloud / JSM: {@code GET|POST /rest/api/3/search/jql} ({@code nextPageToken} paging, absent on the last page,
 * {@code isLast}, no {@code total}), {@code GET|PUT /rest/api/3/issue/{idOrKey}} (edit with {@code fields} and
 * {@code update}; 204, or 200 with {@code returnIssue=true}), {@code GET|POST /rest/api/3/issue/{idOrKey}/comment}
 * (ADF bodies), {@code GET /rest/api/3/field} (with the Team and SLA custom fields) and
 * {@code GET /rest/servicedeskapi/request/{idOrKey}/sla}. The removed {@code /rest/api/3/search}
 * answers 410. Auth: basic {@code email:api-token}. Creation, edits and comments send webhooks to the configured
 * target, signed with {@code X-Hub-Signature} when a secret is set.
 *
 * <p>Admin: {@code POST /_sim/issues} (seed; {@code description} may be plain text), {@code GET /_sim/issues},
 * {@code GET /_sim/issues/{key}} (with comments), {@code PUT /_sim/webhook} ({@code {"url","secret"}}),
 * {@code GET /_sim/webhooks}.
 */
public final class JiraSimulator extends HttpSimulator {

    /** The JSM "Customer Request Type" field (the id JSM Cloud sites usually give it). */
    public static final String REQUEST_TYPE_FIELD = "customfield_10010";
    static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final Pattern ISSUE = Pattern.compile("^/rest/api/3/issue/([A-Za-z0-9-]+)(/comment)?$");
    private static final Pattern SLA = Pattern.compile("^/rest/servicedeskapi/request/([A-Za-z0-9-]+)/sla$");
    private static final Pattern ADMIN_ISSUE = Pattern.compile("^/_sim/issues/([A-Za-z0-9-]+)$");
    private static final List<String> PRIORITIES = List.of("Highest", "High", "Medium", "Low", "Lowest");
    private static final String NOT_ADF = "Operation value must be an Atlassian Document (see the Atlassian Document Format)";
    private static final Set<String> EDITABLE = Set.of("summary", "description", "priority", "assignee", "labels");

    private final JiraSettings settings;
    private final JiraWebhooks webhooks;
    private final Object lock = new Object();
    private final TreeMap<Long, ObjectNode> issues = new TreeMap<>();
    private final Map<Long, List<ObjectNode>> comments = new TreeMap<>();
    private final Map<Long, List<JsmSla>> slas = new TreeMap<>();
    private long nextId = 10000;
    private long nextNumber = 1;
    private long nextCommentId = 10000;
    private long nextChangelogId = 20000;

    public JiraSimulator() {
        this(JiraSettings.defaults(), SimClock.system());
    }

    public JiraSimulator(JiraSettings settings, Clock clock) {
        super(clock);
        this.settings = settings;
        this.webhooks = new JiraWebhooks(settings.webhookTarget(), settings.webhookSecret());
    }

    @Override
    public JiraSimulator start(int port) {
        super.start(port);
        return this;
    }

    @Override
    public JiraSimulator start(String host, int port) {
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
        return "jira";
    }

    public JiraSettings settings() {
        return settings;
    }

    /** Points webhooks at {@code target} (null stops them); {@code secret} null sends them unsigned. */
    public void webhookTarget(@Nullable URI target, @Nullable String secret) {
        webhooks.configure(target, secret);
    }

    public List<WebhookSender.Delivery> webhookDeliveries() {
        return webhooks.sender().deliveries();
    }

    static Instant parseTime(String jiraTime) {
        return JIRA_TIME.parse(jiraTime, Instant::from);
    }

    /**
     * Seeds an issue from {@code summary}, {@code description} (ADF or plain text), {@code priority} (name),
     * {@code labels}, {@code status}, {@code created}/{@code updated} (ISO-8601 instants) and {@code sla}
     * ({@code [{"name":"Time to first response","goalMinutes":240}]}; by default first response 4 h and resolution
     * 24 h) and {@code requestType} (a JSM request type's name, kept in {@link #REQUEST_TYPE_FIELD} as
     * {@code {"requestType":{"name":…}}}). Sends {@code jira:issue_created}. Returns the stored issue.
     */
    public JsonNode createIssue(JsonNode seed) {
        ObjectNode issue;
        synchronized (lock) {
            long id = nextId++;
            String key = settings.projectKey() + "-" + nextNumber++;
            Instant created = seed.has("created") ? Instant.parse(seed.get("created").asString()) : clock.instant();
            Instant updated = seed.has("updated") ? Instant.parse(seed.get("updated").asString()) : created;
            issue = SimJson.object().put("expand", "").put("id", Long.toString(id))
                    .put("self", baseUri() + "/rest/api/3/issue/" + id).put("key", key);
            ObjectNode fields = issue.putObject("fields");
            fields.put("summary", seed.path("summary").asString(""));
            JsonNode description = seed.path("description");
            fields.set("description", description.isMissingNode() || description.isNull() ? null
                    : Adf.isDoc(description) ? description.deepCopy() : Adf.doc(description.asString()));
            fields.set("priority", priority(seed.path("priority").asString("Medium")));
            fields.putObject("issuetype").put("name", seed.path("issuetype").asString("Service Request"));
            fields.putObject("project").put("key", settings.projectKey());
            fields.set("status", status(seed.path("status").asString("Waiting for support")));
            fields.putNull("assignee");
            fields.set("reporter", user(seed.path("reporter").asString("qm:customer-1"), "Customer One"));
            ArrayNode labels = fields.putArray("labels");
            seed.path("labels").forEach(l -> labels.add(l.asString()));
            fields.put("created", JIRA_TIME.format(created));
            fields.put("updated", JIRA_TIME.format(updated));
            fields.putNull(settings.teamFieldId());
            if (seed.hasNonNull("requestType")) {
                fields.putObject(REQUEST_TYPE_FIELD).putObject("requestType")
                        .put("name", seed.get("requestType").asString());
            }
            issues.put(id, issue);
            comments.put(id, new ArrayList<>());
            slas.put(id, JsmSla.fromSeed(seed.path("sla"), created));
            issue = render(id);
        }
        webhooks.send(event("jira:issue_created", "issue_created", issue, null));
        return issue;
    }

    public Optional<JsonNode> issue(String idOrKey) {
        synchronized (lock) {
            return find(idOrKey).map(this::render);
        }
    }

    public List<JsonNode> comments(String idOrKey) {
        synchronized (lock) {
            return find(idOrKey).map(id -> comments.getOrDefault(id, List.of()).stream().<JsonNode>map(JsonNode::deepCopy).toList())
                    .orElse(List.of());
        }
    }

    @Override
    protected SimResponse handle(SimRequest request) {
        if (!BasicCredentials.matches(request.header("Authorization"), settings.email(), settings.apiToken())) {
            return unauthorized();
        }
        String path = request.path();
        if (path.equals("/rest/api/3/search/jql")) {
            return switch (request.method()) {
                case "GET" -> search(request.param("jql"), request.param("nextPageToken"),
                        request.param("maxResults"), request.param("fields"));
                case "POST" -> searchPost(request.json());
                default -> error(405, "Method not allowed");
            };
        }
        if (path.equals("/rest/api/3/field") && request.method().equals("GET")) {
            return SimResponse.json(200, FieldCatalogue.of(settings));
        }
        if (path.equals("/rest/api/3/search") || path.equals("/rest/api/2/search")) {
            return error(410, "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.");
        }
        Matcher sla = SLA.matcher(path);
        if (sla.matches() && request.method().equals("GET")) {
            return slaPage(sla.group(1));
        }
        Matcher m = ISSUE.matcher(path);
        if (!m.matches()) {
            return error(404, "Not found");
        }
        boolean comment = m.group(2) != null;
        return switch (request.method() + (comment ? " comment" : "")) {
            case "GET" -> issue(m.group(1)).map(i -> SimResponse.json(200, i)).orElseGet(this::issueNotFound);
            case "PUT" -> edit(m.group(1), request.json(), "true".equals(request.param("returnIssue")));
            case "GET comment" -> listComments(m.group(1));
            case "POST comment" -> addComment(m.group(1), request.json());
            default -> error(405, "Method not allowed");
        };
    }

    @Override
    protected @Nullable SimResponse admin(SimRequest request) {
        String route = request.method() + " " + request.path();
        switch (route) {
            case "POST /_sim/issues" -> {
                return SimResponse.json(201, createIssue(request.json()));
            }
            case "GET /_sim/issues" -> {
                ArrayNode list = SimJson.array();
                synchronized (lock) {
                    issues.keySet().forEach(id -> list.add(render(id)));
                }
                return SimResponse.json(200, SimJson.object().set("issues", list));
            }
            case "PUT /_sim/webhook" -> {
                JsonNode body = request.json();
                String url = body.path("url").asString(null);
                webhookTarget(url == null ? null : URI.create(url), body.path("secret").asString(null));
                return SimResponse.empty(204);
            }
            case "GET /_sim/webhooks" -> {
                ArrayNode list = SimJson.array();
                for (WebhookSender.Delivery d : webhookDeliveries()) {
                    ObjectNode node = list.addObject().put("target", d.target().toString()).put("status", d.status())
                            .put("failure", d.failure()).put("body", new String(d.body(), StandardCharsets.UTF_8));
                    node.set("headers", SimJson.MAPPER.valueToTree(d.headers()));
                }
                return SimResponse.json(200, list);
            }
            default -> {
                Matcher m = ADMIN_ISSUE.matcher(request.path());
                if (request.method().equals("GET") && m.matches()) {
                    return issue(m.group(1)).map(i -> {
                        ObjectNode body = SimJson.object().set("issue", i);
                        body.set("comments", SimJson.MAPPER.valueToTree(comments(m.group(1))));
                        return SimResponse.json(200, body);
                    }).orElseGet(this::issueNotFound);
                }
                return null;
            }
        }
    }

    @Override
    protected SimResponse unauthorized() {
        return error(401, "Client must be authenticated to access this resource.");
    }

    @Override
    protected SimResponse error(int status, @Nullable String message) {
        ObjectNode body = SimJson.object();
        body.putArray("errorMessages").add(message);
        body.putObject("errors");
        SimResponse response = SimResponse.json(status, body);
        if (status == 429) {
            // Jira's 429 carries the reset time as ISO-8601 (JRACLOUD-69262); Retry-After is added by the caller.
            response = response.withHeader("X-RateLimit-Reset",
                    DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC).format(clock.instant().plusSeconds(60)));
        }
        return response;
    }

    @Override
    protected void clearData() {
        synchronized (lock) {
            issues.clear();
            comments.clear();
            slas.clear();
        }
        webhooks.sender().clear();
    }

    @Override
    protected SimResponse invalidField(int status, String field) {
        return fieldError(status, field, "Field '" + field + "' is not valid.");
    }

    private static SimResponse fieldError(String field, String message) {
        return fieldError(400, field, message);
    }

    private static SimResponse fieldError(int status, String field, String message) {
        ObjectNode body = SimJson.object();
        body.putArray("errorMessages");
        body.putObject("errors").put(field, message);
        return SimResponse.json(status, body);
    }

    private SimResponse issueNotFound() {
        return error(404, "Issue does not exist or you do not have permission to see it.");
    }

    private SimResponse searchPost(JsonNode body) {
        if (body.has("startAt")) {
            return error(400, "Invalid request payload. Refer to the REST API documentation and try again.");
        }
        List<String> fields = new ArrayList<>();
        body.path("fields").forEach(f -> fields.add(f.asString()));
        return search(body.path("jql").asString(null), body.path("nextPageToken").asString(null),
                body.has("maxResults") ? body.get("maxResults").asString() : null,
                fields.isEmpty() ? null : String.join(",", fields));
    }

    /** A search page; each argument is null when the request leaves it out. */
    private SimResponse search(@Nullable String jqlText, @Nullable String pageToken, @Nullable String maxResultsText,
            @Nullable String fieldsText) {
        Jql jql = Jql.parse(jqlText, settings.jqlZone());
        if (!jql.bounded()) {
            return error(400, "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
        }
        int maxResults = maxResultsText == null ? 50 : Integer.parseInt(maxResultsText);
        if (maxResults < 1) {
            return error(400, "maxResults must be at least 1");
        }
        int offset = pageToken == null ? 0 : decodeToken(pageToken);
        List<String> fields = fieldsText == null ? settings.defaultSearchFields() : List.of(fieldsText.split(","));
        List<JsonNode> matching;
        synchronized (lock) {
            matching = issues.keySet().stream().<JsonNode>map(this::render).filter(jql.filter()).sorted(jql.order()).toList();
        }
        ArrayNode page = SimJson.array();
        matching.stream().skip(offset).limit(maxResults).forEach(issue -> page.add(select(issue, fields)));
        ObjectNode body = SimJson.object();
        body.set("issues", page);
        boolean last = offset + maxResults >= matching.size();
        if (!last) {
            body.put("nextPageToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("offset:" + (offset + maxResults)).getBytes(StandardCharsets.UTF_8)));
        }
        body.put("isLast", last);
        return SimResponse.json(200, body);
    }

    private static int decodeToken(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return Integer.parseInt(text.substring("offset:".length()));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new SimRequest.BadRequest("The provided next page token is invalid or expired.");
        }
    }

    /** An issue as search returns it: {@code id} always; {@code key}, {@code self} and the named fields otherwise. */
    private static ObjectNode select(JsonNode issue, List<String> fields) {
        ObjectNode selected = SimJson.object().put("id", issue.get("id").asString());
        List<String> named = fields.stream().map(String::trim).filter(f -> !f.equals("id")).toList();
        if (named.isEmpty()) {
            return selected;
        }
        selected.put("key", issue.get("key").asString()).put("self", issue.get("self").asString());
        boolean all = named.contains("*all") || named.contains("*navigable");
        ObjectNode out = selected.putObject("fields");
        issue.get("fields").properties().forEach(e -> {
            if (all || named.contains(e.getKey())) {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return selected;
    }

    private SimResponse edit(String idOrKey, JsonNode body, boolean returnIssue) {
        JsonNode fields = body.path("fields");
        JsonNode update = body.path("update");
        for (String name : fields.propertyNames()) {
            if (update.has(name)) {
                return fieldError(name, "Field '" + name + "' cannot appear in both 'fields' and 'update'");
            }
            if (!EDITABLE.contains(name) && !name.startsWith("customfield_")) {
                return fieldError(name, "Field '" + name + "' cannot be set. It is not on the appropriate screen, or unknown.");
            }
        }
        for (String name : update.propertyNames()) {
            if (!name.equals("labels")) {
                // The simulator applies update operations to labels only; refusing others beats ignoring them.
                return fieldError(name, "Field '" + name + "' cannot be set. It is not on the appropriate screen, or unknown.");
            }
        }
        if (fields.has("description") && !fields.get("description").isNull() && !Adf.isDoc(fields.get("description"))) {
            return fieldError("description", NOT_ADF);
        }
        if (fields.has("priority") && priorityName(fields.get("priority")) == null) {
            return fieldError("priority", "Specify the Priority (name) in the string format");
        }
        ObjectNode before;
        ObjectNode after;
        synchronized (lock) {
            Optional<Long> id = find(idOrKey);
            if (id.isEmpty()) {
                return issueNotFound();
            }
            ObjectNode stored = stored(id.get());
            before = render(id.get());
            ObjectNode target = (ObjectNode) stored.get("fields");
            for (String name : fields.propertyNames()) {
                JsonNode value = fields.get(name);
                switch (name) {
                    case "priority" -> target.set("priority",
                            priority(Objects.requireNonNull(priorityName(value), "priority checked above")));
                    case "assignee" -> target.set("assignee", value.isNull() ? null
                            : user(value.path("accountId").asString(), value.path("accountId").asString()));
                    default -> target.set(name, value.deepCopy());
                }
            }
            applyLabelOperations(target, update.path("labels"));
            target.put("updated", JIRA_TIME.format(clock.instant()));
            after = render(id.get());
        }
        webhooks.send(event("jira:issue_updated", "issue_generic", after, changelog(before, after)));
        return returnIssue ? SimResponse.json(200, after) : SimResponse.empty(204);
    }

    private static void applyLabelOperations(ObjectNode fields, JsonNode operations) {
        if (!operations.isArray()) {
            return;
        }
        Set<String> labels = new LinkedHashSet<>();
        fields.path("labels").forEach(l -> labels.add(l.asString()));
        for (JsonNode operation : operations) {
            if (operation.has("set")) {
                labels.clear();
                operation.get("set").forEach(l -> labels.add(l.asString()));
            }
            if (operation.has("add")) {
                labels.add(operation.get("add").asString());
            }
            if (operation.has("remove")) {
                labels.remove(operation.get("remove").asString());
            }
        }
        ArrayNode list = fields.putArray("labels");
        labels.forEach(list::add);
    }

    private SimResponse addComment(String idOrKey, JsonNode body) {
        if (!Adf.isDoc(body.path("body"))) {
            return fieldError("comment", NOT_ADF);
        }
        ObjectNode comment;
        ObjectNode issue;
        synchronized (lock) {
            Optional<Long> id = find(idOrKey);
            if (id.isEmpty()) {
                return issueNotFound();
            }
            String now = JIRA_TIME.format(clock.instant());
            long commentId = nextCommentId++;
            boolean internal = false;
            for (JsonNode property : body.path("properties")) {
                if ("sd.public.comment".equals(property.path("key").asString(""))) {
                    internal = property.path("value").path("internal").asBoolean(false);
                }
            }
            comment = SimJson.object()
                    .put("self", baseUri() + "/rest/api/3/issue/" + id.get() + "/comment/" + commentId)
                    .put("id", Long.toString(commentId));
            comment.set("author", user("sim:" + settings.email(), settings.email()));
            comment.set("body", body.get("body").deepCopy());
            comment.set("updateAuthor", user("sim:" + settings.email(), settings.email()));
            comment.put("created", now).put("updated", now).put("jsdPublic", !internal);
            if (body.has("visibility")) {
                comment.set("visibility", body.get("visibility").deepCopy());
            }
            comments.computeIfAbsent(id.get(), key -> new ArrayList<>()).add(comment);
            ((ObjectNode) stored(id.get()).get("fields")).put("updated", now);
            comment = comment.deepCopy();
            issue = render(id.get());
        }
        ObjectNode event = event("comment_created", "issue_commented", issue, null);
        event.set("comment", comment.deepCopy());
        webhooks.send(event);
        return SimResponse.json(201, comment);
    }

    private SimResponse listComments(String idOrKey) {
        if (issue(idOrKey).isEmpty()) {
            return issueNotFound();
        }
        List<JsonNode> list = comments(idOrKey);
        ObjectNode body = SimJson.object().put("startAt", 0).put("maxResults", Math.max(list.size(), 5000)).put("total", list.size());
        body.set("comments", SimJson.MAPPER.valueToTree(list));
        return SimResponse.json(200, body);
    }

    private SimResponse slaPage(String idOrKey) {
        ArrayNode values = SimJson.array();
        synchronized (lock) {
            Optional<Long> id = find(idOrKey);
            if (id.isEmpty()) {
                return issueNotFound();
            }
            slas.getOrDefault(id.get(), List.of())
                    .forEach(sla -> values.add(sla.render(clock.instant(), slaBase(id.get()))));
        }
        ObjectNode page = SimJson.object().put("size", values.size()).put("start", 0).put("limit", 50).put("isLastPage", true);
        page.set("values", values);
        page.putObject("_links").put("base", baseUri().toString()).put("context", "");
        return SimResponse.json(200, page);
    }

    /** The issue with its JSM SLA custom fields computed for now. Call under the lock. */
    private ObjectNode render(long id) {
        ObjectNode issue = stored(id).deepCopy();
        ObjectNode fields = (ObjectNode) issue.get("fields");
        for (JsmSla sla : slas.getOrDefault(id, List.of())) {
            String fieldId = settings.slaFieldIds().get(sla.name());
            if (fieldId != null) {
                fields.set(fieldId, sla.render(clock.instant(), slaBase(id)));
            }
        }
        return issue;
    }

    /** The stored issue under an id that {@link #find} or the issue map gave out. Call under the lock. */
    private ObjectNode stored(long id) {
        return Objects.requireNonNull(issues.get(id), () -> "no stored issue " + id);
    }

    private ObjectNode event(String webhookEvent, String typeName, JsonNode issue, @Nullable ObjectNode changelog) {
        ObjectNode event = SimJson.object().put("timestamp", clock.instant().toEpochMilli())
                .put("webhookEvent", webhookEvent).put("issue_event_type_name", typeName);
        event.set("user", user("sim:" + settings.email(), settings.email()));
        event.set("issue", issue.deepCopy());
        if (changelog != null) {
            event.set("changelog", changelog);
        }
        return event;
    }

    private ObjectNode changelog(JsonNode before, JsonNode after) {
        String id;
        synchronized (lock) {
            id = Long.toString(nextChangelogId++);
        }
        return JiraChangelog.between(id, before, after, settings.slaFieldIds().values());
    }

    private String slaBase(long issueId) {
        return baseUri() + "/rest/servicedeskapi/request/" + issueId + "/sla/";
    }

    private Optional<Long> find(String idOrKey) {
        if (idOrKey.matches("\\d+")) {
            long id = Long.parseLong(idOrKey);
            return issues.containsKey(id) ? Optional.of(id) : Optional.empty();
        }
        return issues.entrySet().stream().filter(e -> e.getValue().get("key").asString().equals(idOrKey))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The priority a request names by {@code name} or {@code id}, or null when it names none of ours. */
    private static @Nullable String priorityName(JsonNode value) {
        if (value.has("name") && PRIORITIES.contains(value.get("name").asString())) {
            return value.get("name").asString();
        }
        if (value.has("id")) {
            int index = value.get("id").asInt(0) - 1;
            return index >= 0 && index < PRIORITIES.size() ? PRIORITIES.get(index) : null;
        }
        return null;
    }

    private ObjectNode priority(String name) {
        String known = PRIORITIES.contains(name) ? name : "Medium";
        String id = Integer.toString(PRIORITIES.indexOf(known) + 1);
        return SimJson.object().put("self", baseUri() + "/rest/api/3/priority/" + id)
                .put("iconUrl", baseUri() + "/images/icons/priorities/" + known.toLowerCase(java.util.Locale.ROOT) + ".svg")
                .put("name", known).put("id", id);
    }

    private static ObjectNode status(String name) {
        String category = switch (name) {
            case "Done", "Resolved", "Closed", "Canceled" -> "done";
            case "Waiting for support", "Open", "To Do" -> "new";
            default -> "indeterminate";
        };
        ObjectNode status = SimJson.object().put("name", name).put("id", Integer.toString(Math.abs(name.hashCode() % 10000)));
        status.putObject("statusCategory").put("key", category);
        return status;
    }

    private ObjectNode user(String accountId, String displayName) {
        ObjectNode user = SimJson.object().put("self", baseUri() + "/rest/api/3/user?accountId=" + accountId)
                .put("accountId", accountId).put("displayName", displayName).put("active", true).put("timeZone", "Etc/UTC");
        user.putObject("avatarUrls");
        return user;
    }
}
