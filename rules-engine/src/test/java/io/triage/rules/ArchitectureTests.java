package io.triage.rules;

import io.triage.testsupport.architecture.ServiceArchitectureTests;

/** The boundaries of rules-engine, a service. */
class ArchitectureTests extends ServiceArchitectureTests {
}
