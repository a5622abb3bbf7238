package io.triage.platform;

import io.triage.testsupport.architecture.LibraryArchitectureTests;

/** The boundaries of service-platform, a library below every service. */
class ArchitectureTests extends LibraryArchitectureTests {
}
