package io.triage.classify.lifecycle.ingestion;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.triage.classify.customer.CustomerHashes;
import io.triage.classify.lifecycle.provenance.TrainingData;
import io.triage.classify.lifecycle.provenance.TrainingOrigin;
import io.triage.classify.lifecycle.provenance.TrainingSubject;
import io.triage.classify.training.Heads;
import io.triage.classify.training.LabelledText;
import io.triage.classify.training.TrainingSet;
import io.triage.platform.client.ResilientCalls;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Training data from ingestion-service: every ticket validated since a point in time, paged through
 * {@code GET /tickets/validated}. The text is already sanitised there. A ticket re-validated while the pages are
 * read appears twice; its latest labels count, once. ingestion-service unreachable → 503 (ResilientCalls). Every
 * example keeps its ticket id and its customer's keyed hash (never the plain id) as provenance, so an erasure of the
 * customer finds the model versions trained on it.
 */
@Component
public class ValidatedTickets {

    static final String DOWNSTREAM = "ingestion-service";

    private final IngestionService ingestion;
    private final ResilientCalls calls;
    private final CustomerHashes customers;

    ValidatedTickets(IngestionService ingestion, ResilientCalls calls, CustomerHashes customers) {
        this.ingestion = ingestion;
        this.calls = calls;
        this.customers = customers;
    }

    /** The validated tickets since {@code since}, in ingestion's order; heads are those with any label. */
    public TrainingData since(Instant since, int pageSize) {
        Map<String, LabelledText> examples = new LinkedHashMap<>();
        Map<String, TrainingSubject> subjects = new LinkedHashMap<>();
        String after = null;
        do {
            String cursor = after;
            IngestionService.ValidatedPage page = calls.call(DOWNSTREAM,
                    () -> ingestion.validated(since.toString(), cursor, pageSize));
            for (IngestionService.ValidatedTicket ticket : page.items()) {
                examples.put(ticket.id(), new LabelledText(ticket.text(), labels(ticket)));
                subjects.put(ticket.id(), new TrainingSubject(ticket.id(), customerHash(ticket.customerId())));
            }
            after = page.items().isEmpty() ? null : page.next();
        } while (after != null);
        List<String> heads = Heads.ALL.stream()
                .filter(head -> examples.values().stream().anyMatch(e -> e.labels().containsKey(head)))
                .toList();
        return new TrainingData(new TrainingSet(List.copyOf(examples.values()), heads), TrainingOrigin.TICKETS,
                List.copyOf(subjects.values()));
    }

    private @Nullable String customerHash(@Nullable String customerId) {
        return customerId == null || customerId.isBlank() ? null : customers.keyed(customerId);
    }

    private static Map<String, String> labels(IngestionService.ValidatedTicket ticket) {
        Map<String, String> labels = new LinkedHashMap<>();
        put(labels, Heads.DEPARTMENT, ticket.department());
        put(labels, Heads.URGENCY, ticket.urgency());
        put(labels, Heads.SENTIMENT, ticket.sentiment());
        return labels;
    }

    private static void put(Map<String, String> labels, String head, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            labels.put(head, value);
        }
    }
}
