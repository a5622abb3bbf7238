package io.triage.embedding;

import io.triage.testsupport.architecture.ServiceArchitectureTests;

/** The boundaries of embedding-service, a service. */
class ArchitectureTests extends ServiceArchitectureTests {
}
