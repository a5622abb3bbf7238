package io.triage.gdpr.erasure;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.web.service.registry.ImportHttpServices;

/** The stores an erasure is sent to, as declarative HTTP clients; asynchronous event listeners. */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "ingestion", types = IngestionStore.class)
@ImportHttpServices(group = "embedding", types = EmbeddingStore.class)
@ImportHttpServices(group = "classify", types = ClassifyStore.class)
@ImportHttpServices(group = "audit", types = AuditStore.class)
@EnableAsync
class ErasureClientsConfiguration {
}
