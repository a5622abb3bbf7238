package io.triage.classify.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AnswerSchemaTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aConformingAnswerIsAccepted() {
        assertThat(AnswerSchema.parse(JSON, """
                {"department":"Billing","urgency":"High","sentiment":"Negative","confidence":0.82,"reason":"refund"}
                """)).contains(new LlmAnswer("Billing", "High", "Negative", 0.82, "refund"));
    }

    @Test
    void unknownLabelsAreRefused() {
        assertThat(AnswerSchema.parse(JSON, """
                {"department":"Mystery","urgency":"High","sentiment":"Negative","confidence":0.8,"reason":"x"}
                """)).isEmpty();
    }

    @Test
    void missingOrExtraFieldsAreRefused() {
        assertThat(AnswerSchema.parse(JSON, """
                {"department":"Billing","urgency":"High","sentiment":"Negative","confidence":0.8}""")).isEmpty();
        assertThat(AnswerSchema.parse(JSON, """
                {"department":"Billing","urgency":"High","sentiment":"Negative","confidence":0.8,"reason":"x",
                 "extra":1}""")).isEmpty();
    }

    @Test
    void confidenceOutsideTheUnitIntervalOrNotANumberIsRefused() {
        assertThat(AnswerSchema.parse(JSON, """
                {"department":"Billing","urgency":"High","sentiment":"Negative","confidence":1.5,"reason":"x"}
                """)).isEmpty();
        assertThat(AnswerSchema.parse(JSON, """
                {"department":"Billing","urgency":"High","sentiment":"Negative","confidence":"high","reason":"x"}
                """)).isEmpty();
    }

    @Test
    void proseAndBrokenJsonAreRefused() {
        assertThat(AnswerSchema.parse(JSON, "Sure! The department is Billing.")).isEmpty();
        assertThat(AnswerSchema.parse(JSON, "{\"department\":")).isEmpty();
        assertThat(AnswerSchema.parse(JSON, "[]")).isEmpty();
    }

    @Test
    void theSchemaIsStrict() {
        assertThat(AnswerSchema.schema()).containsEntry("additionalProperties", false)
                .containsEntry("required", AnswerSchema.FIELDS);
    }
}
