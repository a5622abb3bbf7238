package io.triage.gdpr.export;

import java.util.List;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import tools.jackson.databind.JsonNode;

/**
 * The services an export reads from (base URLs, timeouts and key: the {@code ingestion} and {@code classify}
 * service-client groups the erasure uses). Their answers are copied into the document as they come.
 */
final class ExportSources {

    private ExportSources() {
    }

    record CustomerRequest(String customerId) {
    }

    record DecisionsRequest(String customerId, List<String> ticketIds) {
    }

    /** ingestion-service: the customer's tickets, raw and sanitised, with their validated labels. */
    @HttpExchange
    interface Ingestion {

        /** {@code {"tickets":[{"id",…,"sanitised":{…},"labels":{…}}]}} */
        @PostExchange("/internal/exports")
        JsonNode tickets(@RequestBody CustomerRequest request);
    }

    /** classify-service: the decisions on the customer's tickets, with feedback. */
    @HttpExchange
    interface Classify {

        /** {@code {"decisions":[{"id","ticketId",…,"feedback":{…}}]}} */
        @PostExchange("/internal/exports")
        JsonNode decisions(@RequestBody DecisionsRequest request);
    }
}
