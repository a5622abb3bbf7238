package io.triage.rules.api;

import java.util.Map;

import io.triage.testsupport.IsolatedBackingServices;
import io.triage.testsupport.fuzz.FuzzedService;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/** The fuzz pass (issue 19) over rules-engine's JSON and YAML endpoints: no 5xx, and it keeps answering. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedBackingServices
class RulesEngineFuzzIT extends FuzzedService {

    private static final String YAML = """
            rules:
              - id: REFUND
                pattern: refund
                keywords: [money, card]
                department: Billing
                urgency: Low
              - {id: CARD, pattern: 'card.*stolen', regex: true, department: Security, urgency: High, order: 1}
            """;

    @Override
    public long maxBodyBytes() {
        return 12 * 1024 * 1024;
    }

    @Override
    public Map<String, String> examples() {
        String yaml = JsonMapper.builder().build().writeValueAsString(YAML);
        return Map.of(
                "POST /rules/evaluate", """
                        {"ticketId": "T1", "subject": "Refund", "description": "my card was stolen, refund please",
                         "channel": "email"}""",
                "POST /rules/evaluate/batch", """
                        {"tickets": [{"ticketId": "T1", "description": "refund my money"},
                                     {"ticketId": "T2", "subject": "card", "description": "card stolen"}]}""",
                "PUT /rules/draft", YAML,
                "POST /rules/validate", """
                        {"yaml": %s, "samples": [{"id": "S1", "subject": "Refund", "description": "refund my money",
                         "channel": "email", "department": "Billing"}]}""".formatted(yaml),
                "POST /rules/publish", "{\"reason\": \"fuzz\", \"yaml\": %s}".formatted(yaml),
                "POST /rules/rollback", "{\"version\": 1, \"reason\": \"fuzz\"}",
                "POST /rules/feedback", "{\"feedbackId\": \"0b9e5c1e-8a4f-4d2b-9f51-3c7a2e6d1f00\", "
                        + "\"ruleId\": \"R010\", \"correctDepartment\": \"Security\", \"ruleSetVersion\": 1}");
    }
}
