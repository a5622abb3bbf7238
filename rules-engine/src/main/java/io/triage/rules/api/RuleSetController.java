package io.triage.rules.api;

import io.triage.rules.catalog.Activation;
import io.triage.rules.catalog.ActiveRuleSet;
import io.triage.rules.catalog.ActiveRules;
import io.triage.rules.catalog.RuleSetLifecycle;
import io.triage.rules.catalog.RuleSetStore;
import io.triage.rules.catalog.RuleSetVersion;
import io.triage.rules.config.RulesEngineProperties;
import io.triage.rules.engine.RuleSetCompilationException;
import io.triage.rules.engine.TicketText;
import io.triage.rules.ruleset.Rule;
import io.triage.rules.ruleset.RuleSet;
import io.triage.rules.validation.LabelledTicket;
import io.triage.rules.validation.RuleSetValidator;
import io.triage.rules.validation.ValidationReport;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Reading, drafting, validating, publishing and rolling back rule sets (role {@code analyst}). */
@RestController
class RuleSetController {

    private final ActiveRuleSet active;
    private final RuleSetStore store;
    private final RuleSetLifecycle lifecycle;
    private final RuleSetValidator validator;
    private final Evaluation evaluation;

    RuleSetController(ActiveRuleSet active, RuleSetStore store, RuleSetLifecycle lifecycle,
            RuleSetValidator validator, RulesEngineProperties properties) {
        this.active = active;
        this.store = store;
        this.lifecycle = lifecycle;
        this.validator = validator;
        this.evaluation = new Evaluation(properties.shortCircuitConfidence(), properties.maxTicketChars(),
                properties.maxGroupStates(), properties.maxGroupRules());
    }

    /**
     * The active rule set, with the settings this replica evaluates it with, so that a caller evaluating it
     * in-process (classify-service) answers exactly as {@code POST /rules/evaluate} would.
     */
    record ActiveRuleSetResponse(Activation activation, List<Rule> rules, String yaml, Evaluation evaluation) {
    }

    /**
     * How {@code POST /rules/evaluate} evaluates ({@code triage.rules.*}).
     *
     * @param shortCircuitConfidence a match at or above this confidence is flagged {@code shortCircuit}
     * @param maxTicketChars         larger tickets are refused with 413
     * @param maxGroupStates         the compiler's largest product automaton per group
     * @param maxGroupRules          the compiler's most rules per product automaton
     */
    record Evaluation(double shortCircuitConfidence, int maxTicketChars, int maxGroupStates, int maxGroupRules) {
    }

    /** Every version and every switch between them, newest first. */
    record VersionsResponse(int active, List<RuleSetVersion> versions, List<Activation> activations) {
    }

    /** What a validation call checks: YAML and optional labelled samples. */
    record ValidateRequest(@NotBlank String yaml, List<Sample> samples) {
    }

    /** A sample ticket with its correct department (optional). */
    record Sample(String id, String subject, String description, String channel, String department) {
    }

    /** Publish the given YAML, or the saved draft when {@code yaml} is absent. */
    record PublishRequest(String yaml, @NotBlank String reason) {
    }

    record PublishResponse(int version) {
    }

    record RollbackRequest(@Positive int version, @NotBlank String reason) {
    }

    record DraftResponse(int rules, String savedBy) {
    }

    /**
     * The active rule set, with a strong ETag over everything in the answer: a poller sending it back in
     * {@code If-None-Match} gets 304 without a body until a publish or rollback switches the set.
     */
    @GetMapping("/rules")
    @PreAuthorize("hasAnyRole('ANALYST', 'CLASSIFY_SERVICE')")
    ResponseEntity<ActiveRuleSetResponse> activeRules() {
        ActiveRules rules = active.get();
        // Spring MVC answers 304 itself when the request's If-None-Match names this ETag.
        return ResponseEntity.ok().eTag(etag(rules)).body(new ActiveRuleSetResponse(rules.activation(),
                rules.compiled().rules(), rules.yaml(), evaluation));
    }

    /** Changes with the activation (a rollback to the same version is a new one), the YAML and the settings. */
    private String etag(ActiveRules rules) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((rules.activation() + "\n" + evaluation + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(rules.yaml().getBytes(StandardCharsets.UTF_8));
            return "\"v" + rules.version() + "-" + HexFormat.of().formatHex(sha.digest(), 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @GetMapping("/rules/versions")
    @PreAuthorize("hasRole('ANALYST')")
    VersionsResponse versions() {
        return new VersionsResponse(active.get().version(), store.versions(), store.activations());
    }

    @PutMapping(path = "/rules/draft", consumes = {"application/yaml", "application/x-yaml", "text/yaml",
        "text/plain"})
    @PreAuthorize("hasRole('ANALYST')")
    DraftResponse saveDraft(@RequestBody String yaml, Principal principal) {
        RuleSet saved = lifecycle.saveDraft(yaml, principal.getName());
        return new DraftResponse(saved.rules().size(), principal.getName());
    }

    @PostMapping("/rules/validate")
    @PreAuthorize("hasRole('ANALYST')")
    ValidationReport validate(@Valid @RequestBody ValidateRequest request) {
        List<Sample> samples = request.samples() == null ? List.of() : request.samples();
        List<LabelledTicket> tickets = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            tickets.add(new LabelledTicket(s.id() != null ? s.id() : String.valueOf(i),
                    new TicketText(s.subject(), s.description(), s.channel()), s.department()));
        }
        try {
            return validator.validate(request.yaml(), tickets);
        } catch (RuleSetCompilationException e) {
            throw lifecycle.refused(e);
        }
    }

    @PostMapping("/rules/publish")
    @PreAuthorize("hasRole('ANALYST')")
    PublishResponse publish(@Valid @RequestBody PublishRequest request, Principal principal) {
        return new PublishResponse(lifecycle.publish(request.yaml(), principal.getName(), request.reason()));
    }

    @PostMapping("/rules/rollback")
    @PreAuthorize("hasRole('ANALYST')")
    VersionsResponse rollback(@Valid @RequestBody RollbackRequest request, Principal principal) {
        lifecycle.rollback(request.version(), principal.getName(), request.reason());
        return versions();
    }
}
