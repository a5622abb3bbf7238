package io.triage.ingestion.webhook;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.config.IngestionProperties.Source;
import io.triage.ingestion.source.JiraTickets;
import io.triage.ingestion.source.ServiceNowTickets;
import io.triage.ingestion.source.SourceFreshness;
import io.triage.ingestion.source.SourceTicket;
import io.triage.ingestion.source.ZendeskTickets;
import io.triage.ingestion.ticket.TicketIntake;
import io.triage.ingestion.ticket.TicketSource;
import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.NotFoundException;
import io.triage.platform.problem.ProblemException;
import io.triage.platform.problem.UnauthenticatedException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Receives one webhook delivery: authenticates it over the raw bytes, parses and normalises it (a malformed one is a
 * 400 naming the field), then records the delivery id and stores the ticket in one transaction, so a redelivery
 * changes nothing and a failed store can be redelivered.
 */
@Service
public class WebhookReceiver {

    private final IngestionProperties.Sources sources;
    private final WebhookSignatures signatures;
    private final WebhookDeliveries deliveries;
    private final TicketIntake intake;
    private final ServiceNowTickets servicenow;
    private final ZendeskTickets zendesk;
    private final JiraTickets jira;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final SourceFreshness freshness;

    WebhookReceiver(IngestionProperties properties, WebhookSignatures signatures, WebhookDeliveries deliveries,
            TicketIntake intake, ServiceNowTickets servicenow, ZendeskTickets zendesk, JiraTickets jira,
            JsonMapper json, TransactionTemplate transaction, MeterRegistry meters, SourceFreshness freshness) {
        this.sources = properties.sources();
        this.signatures = signatures;
        this.deliveries = deliveries;
        this.intake = intake;
        this.servicenow = servicenow;
        this.zendesk = zendesk;
        this.jira = jira;
        this.json = json;
        this.transaction = transaction;
        this.meters = meters;
        this.freshness = freshness;
    }

    /** Receives a delivery to {@code /webhooks/{sourceName}}; 404 for an unknown or disabled source. */
    public WebhookOutcome receive(String sourceName, HttpHeaders headers, byte[] body) {
        TicketSource source = source(sourceName);
        Source settings = settings(source);
        if (settings == null || !settings.enabled()) {
            throw new NotFoundException("No webhook is enabled at /webhooks/" + sourceName);
        }
        Optional<String> rejection = signatures.rejection(source, settings, headers, body);
        if (rejection.isPresent()) {
            reject(source, rejection.get());
            throw new UnauthenticatedException("Webhook not authenticated",
                    "The delivery's signature or shared secret is missing, wrong or stale");
        }
        JsonNode payload = parse(source, body);
        Optional<SourceTicket> ticket;
        try {
            ticket = ticketOf(source, payload);
        } catch (ProblemException e) {
            reject(source, "malformed");
            throw e;
        }
        String deliveryId = deliveryId(source, headers, payload, body);
        WebhookOutcome outcome = ticket.map(t -> transaction.execute(status -> store(source, deliveryId, t)))
                .orElse(WebhookOutcome.IGNORED);
        meters.counter("ingestion_webhooks_total", "source", source.tag(), "outcome",
                outcome.name().toLowerCase(Locale.ROOT)).increment();
        return outcome;
    }

    private WebhookOutcome store(TicketSource source, String deliveryId, SourceTicket ticket) {
        if (!deliveries.claim(source, deliveryId)) {
            return WebhookOutcome.DUPLICATE;
        }
        intake.store(ticket.ticket(), ticket.attributes());
        freshness.seen(source, ticket.ticket().sourceUpdatedAt());
        return WebhookOutcome.ACCEPTED;
    }

    private Optional<SourceTicket> ticketOf(TicketSource source, JsonNode payload) {
        return switch (source) {
            case SERVICENOW -> payload.path("event").asString("").endsWith("deleted") ? Optional.empty()
                    : Optional.of(servicenow.normalise(payload, ""));
            case ZENDESK -> payload.path("type").asString("").startsWith("zen:event-type:ticket.")
                    && !payload.path("type").asString("").endsWith(".deleted")
                    ? Optional.of(zendesk.normalise(detail(payload), "detail.")) : Optional.empty();
            case JIRA -> jiraIssue(payload);
            case IMPORT -> Optional.empty();
        };
    }

    private static JsonNode detail(JsonNode payload) {
        JsonNode detail = payload.path("detail");
        if (!detail.isObject()) {
            throw new InvalidInputException("detail", "detail must be a JSON object");
        }
        return detail;
    }

    private Optional<SourceTicket> jiraIssue(JsonNode payload) {
        String event = payload.path("webhookEvent").asString("");
        if (event.equals("jira:issue_deleted")) {
            return Optional.empty();
        }
        JsonNode issue = payload.path("issue");
        if (event.startsWith("jira:issue_")) {
            if (!issue.isObject()) {
                throw new InvalidInputException("issue", "issue must be a JSON object");
            }
            return Optional.of(jira.normalise(issue, "issue."));
        }
        // Other events (comment_created …) may carry a partial issue; only a full one is stored.
        return issue.path("fields").path("updated").isString() ? Optional.of(jira.normalise(issue, "issue."))
                : Optional.empty();
    }

    private JsonNode parse(TicketSource source, byte[] body) {
        try {
            JsonNode payload = json.readTree(body);
            if (payload != null && payload.isObject()) {
                return withoutNul(payload);
            }
        } catch (JacksonException e) {
            // answered below, without echoing the parser's message (it quotes the body)
        }
        reject(source, "malformed");
        throw new InvalidInputException("body", "the body must be a JSON object");
    }

    /**
     * The payload with U+0000 dropped from every string: Postgres text and jsonb cannot hold it, and a source's
     * ticket is not refused (and redelivered for ever) for a character no text needs (fuzz pass, issue 19).
     */
    private static JsonNode withoutNul(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                property.setValue(withoutNul(property.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withoutNul(array.get(i)));
            }
        } else if (node.isString() && node.asString().indexOf('\u0000') >= 0) {
            return StringNode.valueOf(node.asString().replace("\u0000", ""));
        }
        return node;
    }

    /** Zendesk event id, Jira delivery identifier; otherwise (ServiceNow) the SHA-256 of the raw body. */
    private static String deliveryId(TicketSource source, HttpHeaders headers, JsonNode payload, byte[] body) {
        String id = switch (source) {
            case ZENDESK -> payload.path("id").asString("");
            case JIRA -> headers.getFirst("X-Atlassian-Webhook-Identifier");
            default -> null;
        };
        return id == null || id.isBlank() || id.length() > 200 ? "sha256:" + sha256(body) : id;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void reject(TicketSource source, String reason) {
        meters.counter("ingestion_webhook_rejects_total", "source", source.tag(), "reason", reason).increment();
    }

    private static TicketSource source(String name) {
        return switch (name) {
            case "servicenow" -> TicketSource.SERVICENOW;
            case "zendesk" -> TicketSource.ZENDESK;
            case "jira" -> TicketSource.JIRA;
            default -> throw new NotFoundException("No webhook at /webhooks/" + abbreviate(name));
        };
    }

    private @Nullable Source settings(TicketSource source) {
        return switch (source) {
            case SERVICENOW -> sources.servicenow();
            case ZENDESK -> sources.zendesk();
            case JIRA -> sources.jira();
            case IMPORT -> null;
        };
    }

    private static String abbreviate(String name) {
        String printable = name.replaceAll("[^a-z0-9_-]", "?");
        return printable.length() <= 20 ? printable : printable.substring(0, 20);
    }
}
