package io.triage.classify.model;

import io.triage.testsupport.architecture.CoreArchitectureTests;

/** The boundaries of classify-model: plain Java, below every service. */
class ArchitectureTests extends CoreArchitectureTests {
}
