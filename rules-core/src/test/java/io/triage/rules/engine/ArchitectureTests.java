package io.triage.rules.engine;

import io.triage.testsupport.architecture.CoreArchitectureTests;

/** The boundaries of rules-core: plain Java, below every service. */
class ArchitectureTests extends CoreArchitectureTests {
}
