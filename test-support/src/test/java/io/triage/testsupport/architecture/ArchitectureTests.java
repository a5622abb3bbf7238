package io.triage.testsupport.architecture;

/** The boundaries of test-support, a library (for tests) below every service. */
class ArchitectureTests extends LibraryArchitectureTests {
}
