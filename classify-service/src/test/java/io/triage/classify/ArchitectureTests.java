package io.triage.classify;

import io.triage.testsupport.architecture.ServiceArchitectureTests;

/** The boundaries of classify-service, a service. */
class ArchitectureTests extends ServiceArchitectureTests {
}
