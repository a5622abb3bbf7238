package io.triage.gdpr.export;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

/** The export's declarative HTTP clients, in the erasure's service-client groups (same base URLs and key). */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "ingestion", types = ExportSources.Ingestion.class)
@ImportHttpServices(group = "classify", types = ExportSources.Classify.class)
class ExportConfiguration {
}
