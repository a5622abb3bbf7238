package io.triage.testsupport.architecture;

import org.junit.jupiter.api.Test;

/**
 * The architecture tests of a library: a module's {@code ArchitectureTests} extends this and inherits them. A library
 * uses no service's code in any scope, its packages form no cycle and are its own.
 */
public abstract class LibraryArchitectureTests extends PackageArchitectureTests {

    @Test
    void usesNoServiceCode() {
        module.checkUsesNoService();
    }
}
