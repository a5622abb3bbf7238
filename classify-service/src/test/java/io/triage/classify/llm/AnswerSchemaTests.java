package io.triage.classify.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.triage.classify.taxonomy.Labels;
import io.triage.classify.taxonomy.ModelHeads;
import io.triage.classify.taxonomy.Taxonomy;
import io.triage.classify.testing.Taxonomies;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AnswerSchemaTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Labels LABELS = Taxonomies.defaults();

    @Test
    void aConformingAnswerIsAccepted() {
        assertThat(AnswerSchema.parse(JSON, """
                {"department":"Billing","urgency":"High","sentiment":"Negative","confidence":0.82,"reason":"refund"}
                """, LABELS)).contains(new LlmAnswer("Billing", "High", "Negative", 0.82, "refund"));
    }

    @Test
    void unknownLabelsAreRefused() {
        assertThat(AnswerSchema.parse(JSON, """
                {"department":"Mystery","urgency":"High","sentiment":"Negative","confidence":0.8,"reason":"x"}
                """, LABELS)).isEmpty();
    }

    @Test
    void missingOrExtraFieldsAreRefused() {
        assertThat(AnswerSchema.parse(JSON, """
                {"department":"Billing","urgency":"High","sentiment":"Negative","confidence":0.8}""", LABELS))
                .isEmpty();
        assertThat(AnswerSchema.parse(JSON, """
                {"department":"Billing","urgency":"High","sentiment":"Negative","confidence":0.8,"reason":"x",
                 "extra":1}""", LABELS)).isEmpty();
    }

    @Test
    void confidenceOutsideTheUnitIntervalOrNotANumberIsRefused() {
        assertThat(AnswerSchema.parse(JSON, """
                {"department":"Billing","urgency":"High","sentiment":"Negative","confidence":1.5,"reason":"x"}
                """, LABELS)).isEmpty();
        assertThat(AnswerSchema.parse(JSON, """
                {"department":"Billing","urgency":"High","sentiment":"Negative","confidence":"high","reason":"x"}
                """, LABELS)).isEmpty();
    }

    @Test
    void proseAndBrokenJsonAreRefused() {
        assertThat(AnswerSchema.parse(JSON, "Sure! The department is Billing.", LABELS)).isEmpty();
        assertThat(AnswerSchema.parse(JSON, "{\"department\":", LABELS)).isEmpty();
        assertThat(AnswerSchema.parse(JSON, "[]", LABELS)).isEmpty();
    }

    @Test
    void theSchemaIsStrict() {
        assertThat(AnswerSchema.schema(LABELS)).containsEntry("additionalProperties", false)
                .containsEntry("required", AnswerSchema.FIELDS);
    }

    @Test
    void theModelsLabelsAreTheVocabularyOfTheHeadsItServes() {
        Labels banking = new Taxonomy(Taxonomies.properties(Map.of()),
                () -> new ModelHeads(4, Map.of("department", List.of("card_arrival", "exchange_rate")))).current();
        String answer = """
                {"department":"%s","urgency":"High","sentiment":"Negative","confidence":0.8,"reason":"x"}""";

        assertThat(AnswerSchema.parse(JSON, answer.formatted("card_arrival"), banking)).isPresent();
        assertThat(AnswerSchema.parse(JSON, answer.formatted("Billing"), banking)).isEmpty();
        assertThat(AnswerSchema.schema(banking)).extracting("properties").extracting("department")
                .extracting("enum").isEqualTo(List.of("card_arrival", "exchange_rate"));
    }
}
