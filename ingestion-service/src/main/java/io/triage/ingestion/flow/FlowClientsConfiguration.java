package io.triage.ingestion.flow;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The services a stored ticket flows to, as declarative HTTP clients (addresses, timeouts and API keys:
 * {@code spring.http.serviceclient.classify|embedding}), and asynchronous listeners, so a webhook or a pull never
 * waits for them.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "classify", types = ClassifyService.class)
@ImportHttpServices(group = "embedding", types = SearchIndex.class)
@EnableAsync
class FlowClientsConfiguration {
}
