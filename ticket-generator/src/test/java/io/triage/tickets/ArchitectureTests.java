package io.triage.tickets;

import io.triage.testsupport.architecture.LibraryArchitectureTests;

/** The boundaries of ticket-generator, a library. */
class ArchitectureTests extends LibraryArchitectureTests {
}
