package io.triage.ingestion.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.ticket.CleanTicket;
import io.triage.ingestion.ticket.CleanTicketRepository;
import io.triage.ingestion.ticket.TicketChanged;
import io.triage.platform.client.ResilientCalls;
import io.triage.platform.events.DeadLetters;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;

/**
 * Sends each new or changed ticket to classify-service and to embedding-service, at least once. Both listeners run
 * after the ticket's transaction commits, on their own thread; while a service is down the publication stays
 * incomplete in {@code event_publication} and {@link #redeliver()} (and a restart) sends it again.
 *
 * <p>No duplicate decision: each call to {@code /classify} carries an {@code Idempotency-Key} naming the ticket
 * version, so a redelivery gets the first decision back instead of a new one, and a decision already stored for this
 * version (or a newer one) is not asked for again. A ticket erased or superseded meanwhile is skipped.
 *
 * <p>The listeners hold no database connection while they wait on the network; at most
 * {@code triage.ingestion.flow.concurrency} calls per service are in flight, further tickets wait their turn.
 */
@Component
class TicketFlow {

    static final String EMBEDDING = "embedding-service";
    private static final Logger log = LoggerFactory.getLogger(TicketFlow.class);
    /** The ids classify-service accepts; another customer id (an e-mail, say) is not sent. */
    private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._:/#-]{1,128}");
    /** The answers that refuse the ticket itself; any other failure is retried. */
    private static final Set<Integer> REFUSALS = Set.of(400, 413, 422);

    private final CleanTicketRepository tickets;
    private final TicketDecisions decisions;
    private final ClassifyService classify;
    private final SearchIndex index;
    private final ResilientCalls calls;
    private final IncompleteEventPublications incomplete;
    private final IngestionProperties.Flow settings;
    private final MeterRegistry meters;
    private final Semaphore classifying;
    private final Semaphore indexing;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final DeadLetters deadLetters;

    TicketFlow(CleanTicketRepository tickets, TicketDecisions decisions, ClassifyService classify, SearchIndex index,
            ResilientCalls calls, IncompleteEventPublications incomplete, IngestionProperties properties,
            MeterRegistry meters, TransactionTemplate transaction, ApplicationEventPublisher events,
            DeadLetters deadLetters) {
        this.tickets = tickets;
        this.decisions = decisions;
        this.classify = classify;
        this.index = index;
        this.calls = calls;
        this.incomplete = incomplete;
        this.settings = properties.flow();
        this.meters = meters;
        this.classifying = new Semaphore(Math.max(1, settings.concurrency()), true);
        this.indexing = new Semaphore(Math.max(1, settings.concurrency()), true);
        this.transaction = transaction;
        this.events = events;
        this.deadLetters = deadLetters;
    }

    @Async
    @TransactionalEventListener
    void classify(TicketChanged changed) {
        if (!settings.classify() || !settings.sources().contains(changed.source())) {
            return;
        }
        Optional<CleanTicket> current = current(changed);
        if (current.isEmpty() || decisions.hasDecisionFor(changed.ticketId(), changed.version())) {
            count("classify", "skipped");
            return;
        }
        CleanTicket ticket = current.get();
        ClassifyService.Ticket request = request(ticket);
        String input = TicketDecisions.inputHash(request.description(), request.channel());
        if (decisions.decidedFrom(changed.ticketId(), input)) {
            // Same text and channel as the decided version (our write-back echoed, an agent's change of group or
            // priority): a new decision would only repeat the write-back, or undo the agent's correction.
            count("classify", "unchanged");
            return;
        }
        TicketDecision decision;
        try {
            JsonNode answer = limited(classifying, () -> calls.call(ClassifyService.CALLS,
                    () -> classify.classify(idempotencyKey(ticket), request)));
            decision = decided(ticket, answer);
        } catch (HttpClientErrorException e) {
            if (!REFUSALS.contains(e.getStatusCode().value())) {
                // 429 and 409 pass; 401, 403 and 404 are our configuration (key, address): retried once it is fixed.
                throw e;
            }
            // The ticket is wrong for classify-service (too long, a value it refuses): asking again cannot help.
            decision = refused(ticket, e);
        }
        boolean stored = store(decision, changed, input);
        count("classify", decision.status().equals(TicketDecision.DECIDED) ? "decided" : "refused");
        if (stored) {
            Timer.builder("ingestion_flow_decision_delay").description("ticket received → decision stored")
                    .tag("source", changed.source().tag()).register(meters)
                    .record(Duration.between(ticket.createdAt(), Instant.now()));
        }
    }

    /**
     * Stores the decision and, when it is a decision and was stored, publishes {@link DecisionStored} in the same
     * transaction: the write-back follows at least once, and never for a decision that lost to a newer one.
     */
    private boolean store(TicketDecision decision, TicketChanged changed, String inputHash) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            boolean stored = decisions.store(decision, inputHash);
            if (stored && decision.decisionId() != null && decision.status().equals(TicketDecision.DECIDED)) {
                events.publishEvent(new DecisionStored(decision.ticketId(), changed.source(), decision.decisionId()));
            }
            return stored;
        }));
    }

    @Async
    @TransactionalEventListener
    void index(TicketChanged changed) {
        if (!settings.index() || !settings.sources().contains(changed.source())) {
            return;
        }
        if (!changed.newText()) {
            // The indexed text is the same; re-embedding it would only cost embedding-service the work again.
            count("index", "unchanged");
            return;
        }
        Optional<CleanTicket> current = current(changed);
        if (current.isEmpty()) {
            count("index", "skipped");
            return;
        }
        CleanTicket ticket = current.get();
        try {
            limited(indexing, () -> {
                calls.call(EMBEDDING, () -> {
                    index.embed(new SearchIndex.Batch(List.of(new SearchIndex.Ticket(ticket.ticketId().toString(),
                            ticket.customerId(), ticket.text(), ticket.createdAt()))));
                    return null;
                });
                return null;
            });
            count("index", "indexed");
        } catch (HttpClientErrorException e) {
            if (!REFUSALS.contains(e.getStatusCode().value())) {
                throw e;
            }
            // embedding-service refuses the ticket; the nightly sync would be refused alike, so it is only reported.
            log.warn("embedding-service refused ticket {}: {}", ticket.ticketId(), e.getStatusCode());
            count("index", "refused");
        }
    }

    @Scheduled(fixedDelayString = "${triage.ingestion.flow.redelivery-interval:PT30S}")
    @SchedulerLock(name = "ingestion-flow-redelivery")
    void redeliver() {
        // Publications past triage.platform.events.max-attempts go to the dead letter instead of another try.
        deadLetters.moveExhausted();
        incomplete.resubmitIncompletePublicationsOlderThan(settings.redeliverAfter());
    }

    /** The ticket as now stored, unless it was erased or a newer version is stored (whose own event follows). */
    private Optional<CleanTicket> current(TicketChanged changed) {
        return tickets.find(changed.ticketId()).filter(t -> !t.sourceUpdatedAt().isAfter(changed.version()));
    }

    private ClassifyService.Ticket request(CleanTicket ticket) {
        String text = ticket.text().length() <= settings.maxTextChars() ? ticket.text()
                : ticket.text().substring(0, settings.maxTextChars());
        String customer = ticket.customerId() != null && ACCEPTED_ID.matcher(ticket.customerId()).matches()
                ? ticket.customerId() : null;
        return new ClassifyService.Ticket(ticket.ticketId().toString(), null, text, ticket.channel(), customer,
                ticket.source().tag());
    }

    /** Names the ticket version: the same version always gets the same decision. */
    static String idempotencyKey(CleanTicket ticket) {
        Instant version = ticket.sourceUpdatedAt();
        return "ingestion:" + ticket.ticketId() + ":" + version.getEpochSecond() + "." + version.getNano();
    }

    private static TicketDecision decided(CleanTicket ticket, JsonNode answer) {
        return new TicketDecision(ticket.ticketId(), ticket.sourceUpdatedAt(), TicketDecision.DECIDED,
                UUID.fromString(answer.path("decisionId").asString()),
                text(answer.path("routingMethod")), text(answer.path("department").path("label")),
                text(answer.path("urgency").path("label")), text(answer.path("sentiment").path("label")),
                answer.path("department").path("confidence").isNumber()
                        ? answer.path("department").path("confidence").asDouble() : null,
                text(answer.path("modelVersion")), text(answer.path("ruleSetVersion")), answer, null, Instant.now());
    }

    private TicketDecision refused(CleanTicket ticket, HttpClientErrorException e) {
        String detail = e.getStatusCode().value() + " " + problemDetail(e);
        log.warn("classify-service refused ticket {}: {}", ticket.ticketId(), detail);
        return new TicketDecision(ticket.ticketId(), ticket.sourceUpdatedAt(), TicketDecision.REFUSED, null, null,
                null, null, null, null, null, null, null, detail, Instant.now());
    }

    /** The ProblemDetail's {@code detail}, or the status's reason when the body is not one (a proxy's HTML page). */
    private static String problemDetail(HttpClientErrorException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        String reason = status == null ? "" : status.getReasonPhrase();
        try {
            JsonNode problem = e.getResponseBodyAs(JsonNode.class);
            return problem == null ? reason : problem.path("detail").asString(reason);
        } catch (RuntimeException notJson) {
            return reason;
        }
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    private static <T> T limited(Semaphore permits, Supplier<T> call) {
        permits.acquireUninterruptibly();
        try {
            return call.get();
        } finally {
            permits.release();
        }
    }

    private void count(String step, String outcome) {
        meters.counter("ingestion_flow_total", "step", step, "outcome", outcome).increment();
    }
}
