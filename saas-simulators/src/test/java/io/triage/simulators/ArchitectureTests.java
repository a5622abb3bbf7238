package io.triage.simulators;

import io.triage.testsupport.architecture.LibraryArchitectureTests;

/** The boundaries of saas-simulators, a library (and a stand-alone server). */
class ArchitectureTests extends LibraryArchitectureTests {
}
