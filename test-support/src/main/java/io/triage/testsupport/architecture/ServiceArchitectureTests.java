package io.triage.testsupport.architecture;

import org.junit.jupiter.api.Test;

/**
 * The architecture tests of a service: a module's {@code ArchitectureTests} extends this and inherits them. A service
 * uses no other service's code in any scope, its packages form no cycle and are its own.
 */
public abstract class ServiceArchitectureTests extends PackageArchitectureTests {

    @Test
    void usesNoOtherServiceCodeInAnyScope() {
        module.checkUsesNoOtherService();
    }
}
