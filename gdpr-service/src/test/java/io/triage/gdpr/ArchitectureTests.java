package io.triage.gdpr;

import io.triage.testsupport.architecture.ServiceArchitectureTests;

/** The boundaries of gdpr-service, a service. */
class ArchitectureTests extends ServiceArchitectureTests {
}
