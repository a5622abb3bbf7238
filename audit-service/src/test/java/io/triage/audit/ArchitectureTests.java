package io.triage.audit;

import io.triage.testsupport.architecture.ServiceArchitectureTests;

/** The boundaries of audit-service, a service. */
class ArchitectureTests extends ServiceArchitectureTests {
}
