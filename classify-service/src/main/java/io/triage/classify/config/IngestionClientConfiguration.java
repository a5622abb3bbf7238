package io.triage.classify.config;

import io.triage.classify.lifecycle.ingestion.IngestionService;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

/** The ingestion-service client (address, timeouts and API key: {@code spring.http.serviceclient.ingestion}). */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "ingestion", types = IngestionService.class)
class IngestionClientConfiguration {
}
