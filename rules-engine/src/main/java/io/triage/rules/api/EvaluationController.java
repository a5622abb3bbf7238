package io.triage.rules.api;

import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.TooLargeException;
import io.triage.rules.catalog.ActiveRuleSet;
import io.triage.rules.catalog.ActiveRules;
import io.triage.rules.config.RulesEngineProperties;
import io.triage.rules.engine.RuleVerdict;
import io.triage.rules.ruleset.Rule;
import io.triage.rules.stats.RuleStatistics;
import io.triage.rules.stats.RuleTrusts;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Evaluates tickets against the active rule set (classify-service in remote mode, and analysts). */
@RestController
@PreAuthorize("hasAnyRole('CLASSIFY_SERVICE', 'ANALYST')")
class EvaluationController {

    private final ActiveRuleSet active;
    private final RuleStatistics statistics;
    private final RuleTrusts trusts;
    private final RulesEngineProperties properties;

    EvaluationController(ActiveRuleSet active, RuleStatistics statistics, RuleTrusts trusts,
            RulesEngineProperties properties) {
        this.active = active;
        this.statistics = statistics;
        this.trusts = trusts;
        this.properties = properties;
    }

    @PostMapping("/rules/evaluate")
    EvaluationResponse evaluate(@RequestBody TicketRequest ticket) {
        checkSize(ticket, "");
        return evaluate(active.get(), ticket);
    }

    @PostMapping("/rules/evaluate/batch")
    BatchResponse evaluateBatch(@Valid @RequestBody BatchRequest batch) {
        if (batch.tickets().size() > properties.maxBatchSize()) {
            throw new InvalidInputException("tickets", "at most " + properties.maxBatchSize() + " tickets per batch");
        }
        List<TicketRequest> tickets = new ArrayList<>(batch.tickets().size());
        for (int i = 0; i < batch.tickets().size(); i++) {
            tickets.add(checkSize(batch.tickets().get(i), "tickets[" + i + "]."));
        }
        ActiveRules rules = active.get();
        List<EvaluationResponse> results = new ArrayList<>(tickets.size());
        for (TicketRequest ticket : tickets) {
            results.add(evaluate(rules, ticket));
        }
        return new BatchResponse(rules.version(), results);
    }

    private EvaluationResponse evaluate(ActiveRules rules, TicketRequest ticket) {
        long start = System.nanoTime();
        RuleVerdict verdict = rules.compiled().evaluate(ticket.text());
        statistics.evaluated(System.nanoTime() - start);
        if (verdict instanceof RuleVerdict.Fired fired) {
            Rule rule = fired.rule();
            statistics.hit(rule.id());
            return new EvaluationResponse(ticket.ticketId(), true, rule.id(), rule.department(), rule.urgency(),
                    rule.confidence(), shortCircuits(rule), rules.version(), fired.span());
        }
        statistics.hit("none");
        return new EvaluationResponse(ticket.ticketId(), false, null, null, null, null, false, rules.version(), null);
    }

    /**
     * Whether a match of {@code rule} decides the ticket: its declared confidence reaches the threshold and it has not
     * lost the right from its confirmed outcomes (the bound {@code GET /rules/statistics} shows). The match itself is
     * reported either way.
     */
    private boolean shortCircuits(Rule rule) {
        return rule.confidence() >= properties.shortCircuitConfidence()
                && trusts.trust(rule.id(), rule.confidence()).shortCircuits();
    }

    /** The ticket, once it is known to be there and small enough. */
    private TicketRequest checkSize(@Nullable TicketRequest ticket, String path) {
        if (ticket == null) {
            throw new InvalidInputException(path + "ticket", "ticket must not be null");
        }
        if (ticket.text().length() > properties.maxTicketChars()) {
            throw new TooLargeException("A ticket may have at most " + properties.maxTicketChars()
                    + " characters in subject, description and channel together").with("field", path + "description");
        }
        return ticket;
    }
}
