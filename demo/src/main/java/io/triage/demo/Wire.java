package io.triage.demo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The few fields of each service's API that the demo sends or reads, as the demo's own records (each caller owns
 * the records of the APIs it calls). Unknown response fields are ignored.
 */
final class Wire {

    private Wire() {
    }

    /** ingestion-service {@code POST /tickets}. */
    record NewTicket(String source, String externalId, String customerId, String channel, String subject,
            String description, Instant sourceUpdatedAt) {
    }

    /** ingestion-service's answer: the sanitised ticket. */
    record CleanTicket(String ticketId, String text, List<String> piiTypes) {
    }

    /** ingestion-service {@code GET /tickets}: where a ticket came from, and its sanitised text. */
    record SourcedTicket(String ticketId, String source, String externalId, String text) {
    }

    /** ingestion-service {@code GET /tickets/{id}/decision}: classify-service's decision kept with the ticket. */
    record TicketDecision(String status, @Nullable String routingMethod, @Nullable String department,
            @Nullable Double confidence, @Nullable String problem) {
    }

    /** rules-engine {@code POST /rules/evaluate}. */
    record RuleRequest(String ticketId, String subject, String description, String channel) {
    }

    record RuleAnswer(boolean matched, String ruleId, String department, Double confidence) {
    }

    /** embedding-service {@code POST /embeddings}. */
    record EmbedRequest(List<TicketText> tickets) {
    }

    record TicketText(String ticketId, String customerId, String text, Instant createdAt, String department,
            String urgency, String sentiment) {
    }

    /** embedding-service {@code POST /search}. */
    record SearchRequest(String text, int k) {
    }

    record SearchAnswer(String model, List<Match> matches) {
    }

    record Match(String ticketId, double similarity, Metadata metadata) {
    }

    record Metadata(String department) {
    }

    /** classify-service training job ({@code GET /models/jobs/{id}}). */
    record TrainingJob(String id, String state, String stage, Progress progress, TrainingSummary result,
            Problem error) {
    }

    record Progress(int done, int total) {
    }

    record TrainingSummary(long version, String stage, double macroF1, String decision, String report) {
    }

    record Problem(int status, String title, String detail) {
    }

    record ModelVersion(long version, String stage) {
    }

    /** classify-service {@code POST /classify}. */
    record ClassifyRequest(String ticketId, String subject, String description, String channel, String customerId,
            String sourceSystem) {
    }

    record Decision(String decisionId, String routingMethod, LabelScore department, String modelVersion,
            String ruleSetVersion) {
    }

    record LabelScore(String label, double confidence) {
    }

    /** audit-service {@code GET /audit/verify}. */
    record Verification(long eventsChecked, boolean valid) {
    }

    /** gdpr-service {@code POST /gdpr/delete-customer-data} and {@code GET /gdpr/requests/{id}}. */
    record ErasureRequest(String customerId, String reason) {
    }

    record Erasure(String id, String status, List<Receipt> receipts) {
    }

    /** One store's part of an erasure: PENDING until it answered, then DONE with what it deleted. */
    record Receipt(String store, String state, @Nullable Long deletedRecords, @Nullable Map<String, Object> details) {
    }
}
