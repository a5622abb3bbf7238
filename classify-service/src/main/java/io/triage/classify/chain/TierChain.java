package io.triage.classify.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;


import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import io.triage.classify.decision.DecisionLog;
import io.triage.classify.decision.IdempotentReplays;
import io.triage.classify.decision.IdempotentRequest;
import io.triage.classify.decision.LoggedDecision;
import io.triage.classify.experiment.ExperimentAssignment;
import io.triage.classify.taxonomy.SourceChannels;
import io.triage.classify.tier.ClassificationResult;
import io.triage.classify.tier.ExperimentArms;
import io.triage.classify.tier.RoutingMethod;
import io.triage.classify.tier.SanitisedTicket;
import io.triage.classify.tier.Tier;
import io.triage.classify.tier.TierContext;
import io.triage.classify.tier.TierOutcome;
import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.TooLargeException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Service;

/**
 * Classifies tickets: sanitise, then rules → semantic cache → ML → LLM, stopping at the first tier that is sure;
 * when none is, the ticket goes to NEEDS_REVIEW with its candidates. Every decision is logged with an audit event.
 * A ticket sent with an {@code Idempotency-Key} already logged is answered from the log, without running the tiers.
 */
@Service
public class TierChain {

    private final List<Tier> tiers;
    private final Deadlines deadlines;
    private final TicketSanitiser sanitiser;
    private final ExperimentAssignment experiments;
    private final ResultAssembler assembler;
    private final DecisionLog decisions;
    private final IdempotentReplays replays;
    private final RoutingMetrics metrics;
    private final ChainProperties properties;
    private final SourceChannels channels;

    TierChain(List<Tier> tiers, Deadlines deadlines, TicketSanitiser sanitiser, ExperimentAssignment experiments,
            ResultAssembler assembler, DecisionLog decisions, IdempotentReplays replays, RoutingMetrics metrics,
            ChainProperties properties, SourceChannels channels) {
        this.tiers = List.copyOf(tiers);
        this.deadlines = deadlines;
        this.sanitiser = sanitiser;
        this.experiments = experiments;
        this.assembler = assembler;
        this.decisions = decisions;
        this.replays = replays;
        this.metrics = metrics;
        this.properties = properties;
        this.channels = channels;
    }

    /** Validates, classifies and logs one ticket. */
    public ClassificationResult classify(TicketInput input) {
        TicketValidation.check(input, "", properties.maxTextChars(), channels);
        return run(input, null).result();
    }

    /**
     * Validates one ticket sent with an {@code Idempotency-Key}; the first request with the key is classified and
     * logged with it, a repeat gets the stored answer ({@link LoggedDecision#replayed()}) and the key sent with
     * another ticket is a 422. Of concurrent first requests with one key only one decision is logged; the others
     * answer it, replayed.
     */
    public LoggedDecision classify(TicketInput input, String idempotencyKey) {
        TicketValidation.check(input, "", properties.maxTextChars(), channels);
        IdempotentRequest request = new IdempotentRequest(idempotencyKey, RequestFingerprint.of(input));
        return replays.replay(request)
                .orElseGet(() -> run(input, request));
    }

    /** Validates every ticket first (nothing is classified if one is invalid), then classifies them concurrently. */
    public List<ClassificationResult> classifyAll(@Nullable List<TicketInput> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw new InvalidInputException("tickets", "give at least one ticket");
        }
        if (inputs.size() > properties.maxBatch()) {
            throw new TooLargeException("a batch holds at most " + properties.maxBatch() + " tickets, got "
                    + inputs.size()).with("field", "tickets");
        }
        for (int i = 0; i < inputs.size(); i++) {
            TicketValidation.check(inputs.get(i), "tickets[" + i + "].", properties.maxTextChars(), channels);
        }
        Semaphore slots = new Semaphore(properties.batchThreads());
        // The caller's security context goes along, so each decision records who asked for it (audit, feedback),
        // and so does its trace, so each ticket's tiers and calls are spans of the batch request's trace.
        try (ExecutorService threads = new DelegatingSecurityContextExecutorService(ContextExecutorService.wrap(
                Executors.newVirtualThreadPerTaskExecutor(), ContextSnapshotFactory.builder().build()))) {
            List<Future<ClassificationResult>> results = new ArrayList<>(inputs.size());
            for (TicketInput input : inputs) {
                results.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        return run(input, null).result();
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<ClassificationResult> answers = new ArrayList<>(inputs.size());
            for (Future<ClassificationResult> result : results) {
                answers.add(result.get());
            }
            return answers;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch interrupted", e);
        }
    }

    private LoggedDecision run(TicketInput input, @Nullable IdempotentRequest request) {
        long start = System.nanoTime();
        SanitisedTicket ticket = sanitiser.sanitise(input);
        TierContext context = new TierContext(UUID.randomUUID(), ticket, experiments.arms(ticket));
        List<String> doubts = new ArrayList<>();
        TierOutcome.Decided decided = null;
        RoutingMethod method = RoutingMethod.NEEDS_REVIEW;
        for (Tier tier : tiers) {
            if (bypassedByExperiment(tier, context)) {
                context.skipped(tier.method(), "experiment " + ExperimentArms.RULES_VS_ML + ": arm "
                        + ExperimentArms.DIRECT_ML);
                continue;
            }
            long tierStart = System.nanoTime();
            TierOutcome outcome = deadlines.run(tier, context);
            long micros = (System.nanoTime() - tierStart) / 1_000;
            context.latency(tier.method(), micros);
            metrics.tierLatency(tier.method(), micros);
            if (tier.method() == RoutingMethod.CACHE && !(outcome instanceof TierOutcome.Skipped)) {
                metrics.cacheLookup(outcome instanceof TierOutcome.Decided);
            }
            switch (outcome) {
                case TierOutcome.Decided d -> decided = d;
                case TierOutcome.Undecided u -> doubts.add(tier.method() + ": " + u.reason());
                case TierOutcome.Skipped s -> {
                    context.skipped(tier.method(), s.reason());
                    metrics.skipped(tier.method());
                }
            }
            if (decided != null) {
                method = tier.method();
                break;
            }
        }
        double millis = (System.nanoTime() - start) / 1e6;
        ClassificationResult result = assembler.assemble(context.decisionId(), context, method, decided, doubts,
                millis);
        LoggedDecision logged = decisions.record(result, context, request);
        if (!logged.replayed()) {
            metrics.decided(method);
        }
        return logged;
    }

    private static boolean bypassedByExperiment(Tier tier, TierContext context) {
        return tier.method() == RoutingMethod.RULE
                && ExperimentArms.DIRECT_ML.equals(context.arm(ExperimentArms.RULES_VS_ML));
    }
}
