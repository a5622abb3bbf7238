package io.triage.ingestion;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.fuzz.FuzzedService;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fuzz pass (issue 19) over ingestion-service's JSON and YAML endpoints: no 5xx, and it keeps answering. Each
 * webhook input is signed as its source signs, so the fuzz reaches past the signature check into the parsing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "triage.ingestion.flow.classify=false", "triage.ingestion.flow.index=false",
        "triage.ingestion.sources.zendesk.enabled=true",
        "triage.ingestion.sources.zendesk.webhook-secret=" + IngestionServiceFuzzIT.SECRET,
        "triage.ingestion.sources.jira.enabled=true",
        "triage.ingestion.sources.jira.webhook-secret=" + IngestionServiceFuzzIT.SECRET,
        "triage.ingestion.sources.servicenow.enabled=true",
        "triage.ingestion.sources.servicenow.webhook-secret=" + IngestionServiceFuzzIT.SECRET})
@IsolatedBackingServices
class IngestionServiceFuzzIT extends FuzzedService {

    static final String SECRET = "fuzz-webhook-secret";
    static final StubServer classify = new StubServer();

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("spring.http.serviceclient.classify.base-url", classify::baseUrl);
    }

    /** classify-service's taxonomy, which publishing a mapping checks the mapping against. */
    @BeforeAll
    static void taxonomy() {
        classify.on("GET", "/taxonomy", request -> StubReply.json("""
                {"departments":["Billing","Security","Technical"],"urgencies":["Critical","High","Medium","Low"],
                 "sentiments":["Negative","Neutral","Positive"],"channels":["email","phone","chat","web","social"],
                 "origins":{"department":"configuration"}}
                """));
    }

    @AfterAll
    static void stop() {
        classify.close();
    }

    @Override
    public Map<String, List<String>> pathValues() {
        return Map.of("source", List.of("servicenow", "zendesk", "jira"),
                "id", List.of("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
    }

    @Override
    public Map<String, String> credentials(String method, String path, byte[] body) {
        return switch (path) {
            case "/webhooks/zendesk" -> {
                String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
                yield Map.of("X-Zendesk-Webhook-Signature", Base64.getEncoder().encodeToString(
                        hmac(timestamp.getBytes(StandardCharsets.UTF_8), body)),
                        "X-Zendesk-Webhook-Signature-Timestamp", timestamp);
            }
            case "/webhooks/jira" -> Map.of("X-Hub-Signature", "sha256=" + HexFormat.of().formatHex(hmac(body)),
                    "X-Atlassian-Webhook-Identifier", "fuzz-" + HexFormat.of().formatHex(hmac(body), 0, 8));
            case "/webhooks/servicenow" -> Map.of("X-Triage-Webhook-Secret", SECRET);
            default -> super.credentials(method, path, body);
        };
    }

    @Override
    public Map<String, String> examples() {
        String mapping = """
                levels:
                  default: suggest
                  departments:
                    Billing: automate
                    Security: preselect
                departments:
                  Billing: {group_id: 360001}
                  Security: {group_id: 360002}
                urgencies:
                  Critical: {priority: urgent}
                  High: {priority: high}
                  Medium: {priority: normal}
                  Low: {priority: low}
                review: {tags: [triage_review]}
                tags: [auto_triaged]
                """;
        return Map.ofEntries(
                Map.entry("POST /webhooks/zendesk", """
                        {"type":"zen:event-type:ticket.priority_changed","account_id":1,"id":"evt-1",
                         "time":"2024-05-01T09:30:00Z","zendesk_event_version":"2022-11-06","subject":"zen:ticket:501",
                         "detail":{"id":"501","subject":"Printer on fire","description":"<p>Printer is <b>on fire</b></p>",
                                   "priority":"URGENT","status":"OPEN","requester_id":"20978392","tags":["printer"],
                                   "via":{"channel":"email"},"created_at":"2024-05-01T09:00:00Z",
                                   "updated_at":"2024-05-01T09:30:00Z"},
                         "event":{"current":"URGENT","previous":"HIGH"}}"""),
                Map.entry("POST /webhooks/jira", """
                        {"webhookEvent":"jira:issue_created","issue":{"id":"20001","key":"SUP-900",
                         "fields":{"summary":"VPN drops","description":"since 9am","updated":"2024-05-01T09:30:41.978+0000",
                                   "priority":{"name":"High"},"reporter":{"accountId":"5b10a2844c20165700ede21g"}}}}"""),
                Map.entry("POST /webhooks/servicenow", """
                        {"event":"incident.updated","sys_id":"c537bae64f411200adf9f8e18110c76e","number":"INC0010002",
                         "short_description":"VPN drops","description":"since 9am","contact_type":"walk-in",
                         "priority":"3","urgency":"2","assignment_group":{"value":"287e","display_value":"Network Ops"},
                         "caller_id":{"value":"6816f79cc0a8016401c5a33be04be441"},
                         "sys_created_on":"2024-05-01 09:12:00","sys_updated_on":"2024-05-01 09:30:41"}"""),
                Map.entry("POST /tickets", """
                        {"source":"ZENDESK","externalId":"Z-1","customerId":"C-1","channel":"email",
                         "subject":"Payment declined","description":"Card payment declined twice",
                         "sourceUpdatedAt":"2026-11-01T10:00:00Z"}"""),
                Map.entry("PUT /tickets/{id}/labels", """
                        {"department":"Billing","urgency":"High","sentiment":"Negative","source":"analyst",
                         "validatedBy":"agent-7","validatedAt":"2026-11-01T10:00:00Z"}"""),
                Map.entry("PUT /mappings/{source}", mapping),
                Map.entry("POST /mappings/{source}/publish", "{\"reason\": \"fuzz\"}"),
                Map.entry("POST /mappings/{source}/rollback", "{\"version\": 1, \"reason\": \"fuzz\"}"),
                Map.entry("POST /mappings/{source}/dry-run", """
                        {"ticketId": "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "version": 1}"""),
                Map.entry("POST /internal/erasures", """
                        {"requestId": "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "customerId": "C-1"}"""),
                Map.entry("POST /internal/exports", "{\"customerId\": \"C-1\"}"));
    }

    private static byte[] hmac(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
