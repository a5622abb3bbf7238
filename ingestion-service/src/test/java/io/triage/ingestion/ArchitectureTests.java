package io.triage.ingestion;

import io.triage.testsupport.architecture.ServiceArchitectureTests;

/** The boundaries of ingestion-service, a service. */
class ArchitectureTests extends ServiceArchitectureTests {
}
