package io.triage.classify.config;

import io.triage.classify.cache.SimilarTicketSearch;
import io.triage.classify.decision.AuditTrail;
import io.triage.classify.feedback.AuditFeedback;
import io.triage.classify.rules.RulesEngine;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The services the chain calls, as declarative HTTP clients (addresses, timeouts and API keys:
 * {@code spring.http.serviceclient.rules|embedding|audit}); asynchronous event listeners for feedback forwarding.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "rules", types = RulesEngine.class)
@ImportHttpServices(group = "embedding", types = SimilarTicketSearch.class)
@ImportHttpServices(group = "audit", types = {AuditTrail.class, AuditFeedback.class})
@EnableAsync
class TierClientsConfiguration {
}
