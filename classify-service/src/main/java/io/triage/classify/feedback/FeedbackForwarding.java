package io.triage.classify.feedback;

import io.triage.classify.cache.SimilarTicketSearch;
import io.triage.classify.rules.RulesEngine;
import io.triage.platform.client.ResilientCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Forwards accepted feedback, at least once (the decision redelivery schedule also resubmits these publications):
 * the correct department to rules-engine when a rule had matched, and the labels to the ticket's vector in
 * embedding-service so that the semantic cache and the LLM examples learn them.
 */
@Component
class FeedbackForwarding {

    private static final Logger log = LoggerFactory.getLogger(FeedbackForwarding.class);

    private final RulesEngine rules;
    private final SimilarTicketSearch embeddings;
    private final ResilientCalls calls;

    FeedbackForwarding(RulesEngine rules, SimilarTicketSearch embeddings, ResilientCalls calls) {
        this.rules = rules;
        this.embeddings = embeddings;
        this.calls = calls;
    }

    @ApplicationModuleListener
    void toRulesEngine(FeedbackRecorded feedback) {
        if (feedback.ruleId() == null) {
            return;
        }
        refusedIsFinal("rules-engine", feedback, () -> calls.call("rules-engine", () -> {
            rules.feedback(new RulesEngine.RuleFeedback(feedback.ruleId(), feedback.department(),
                    version(feedback.ruleSetVersion())));
            return null;
        }));
    }

    @ApplicationModuleListener
    void toEmbeddingService(FeedbackRecorded feedback) {
        if (feedback.ticketId() == null) {
            return;
        }
        refusedIsFinal("embedding-service", feedback, () -> calls.call("embedding-service", () -> {
            embeddings.relabel(feedback.ticketId(), new SimilarTicketSearch.Labels(feedback.department(),
                    feedback.urgency(), feedback.sentiment()));
            return null;
        }));
    }

    private static Integer version(String ruleSetVersion) {
        try {
            return ruleSetVersion == null ? null : Integer.valueOf(ruleSetVersion);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A 4xx (other than 429: the platform retries that) means the receiver will never accept this feedback, e.g. a
     * ticket that was never embedded; sending it again cannot help, so the delivery ends with a warning.
     */
    private static void refusedIsFinal(String receiver, FeedbackRecorded feedback, Runnable delivery) {
        try {
            delivery.run();
        } catch (HttpClientErrorException e) {
            log.warn("{} refused feedback for decision {}: {}", receiver, feedback.decisionId(), e.getStatusCode());
        }
    }
}
