package io.triage.console.operations;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * ingestion-service's write-backs as the page gets them: everything but the plan (the fields and note the mapping
 * made), which the page does not show. A refusal passes through unchanged.
 */
@Component
class DeadLetters {

    /** At most this many dead letters are listed, newest first. */
    static final int LIMIT = 50;

    private final JsonMapper json;

    DeadLetters(JsonMapper json) {
        this.json = json;
    }

    ResponseEntity<String> withoutPlans(ResponseEntity<String> answer) {
        if (!answer.getStatusCode().is2xxSuccessful() || answer.getBody() == null) {
            return answer;
        }
        JsonNode body = json.readTree(answer.getBody());
        if (body.isArray()) {
            body.forEach(DeadLetters::dropPlan);
        } else {
            dropPlan(body);
        }
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .body(json.writeValueAsString(body));
    }

    private static void dropPlan(JsonNode writeBack) {
        if (writeBack instanceof ObjectNode object) {
            object.remove("plan");
        }
    }
}
