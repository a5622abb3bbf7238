package io.triage.pii.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads presidio-research's {@code synth_dataset_v2.json} (full_text plus spans with entity_type, start_position,
 * end_position) and maps its labels to ours. Labels we do not detect keep their presidio name, so they still count
 * in the overall detection rate.
 */
final class PresidioDataset {

    /** Presidio label to our label; everything else is not detected by this library. */
    static final Map<String, String> MAPPING = Map.of(
            "PERSON", "PERSON",
            "GPE", "LOCATION",
            "ORGANIZATION", "ORG",
            "CREDIT_CARD", "CREDIT_CARD",
            "PHONE_NUMBER", "PHONE",
            "EMAIL_ADDRESS", "EMAIL",
            "IBAN_CODE", "IBAN",
            "US_SSN", "US_SSN",
            "IP_ADDRESS", "IP_ADDRESS",
            "STREET_ADDRESS", "STREET_ADDRESS");

    private PresidioDataset() {
    }

    static List<LabelledText> read(Path file) {
        JsonNode records = new ObjectMapper().readTree(file.toFile());
        List<LabelledText> texts = new ArrayList<>();
        for (JsonNode record : records) {
            List<GoldSpan> spans = new ArrayList<>();
            for (JsonNode span : record.get("spans")) {
                String label = span.get("entity_type").asString();
                spans.add(new GoldSpan(MAPPING.getOrDefault(label, label), span.get("start_position").asInt(),
                        span.get("end_position").asInt()));
            }
            texts.add(new LabelledText(record.get("full_text").asString(), spans));
        }
        return texts;
    }
}
