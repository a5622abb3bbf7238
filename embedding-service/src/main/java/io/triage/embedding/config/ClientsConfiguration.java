package io.triage.embedding.config;

import io.triage.embedding.sync.CleanTickets;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

/** ingestion-service's feed of sanitised tickets as a declarative HTTP client (group {@code ingestion}). */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "ingestion", types = CleanTickets.class)
class ClientsConfiguration {
}
