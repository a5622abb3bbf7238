package io.triage.testsupport.architecture;

import org.junit.jupiter.api.Test;

/**
 * The architecture tests of a service: a module's {@code ArchitectureTests} extends this and inherits them. A service
 * uses no other service's code in any scope, its packages form no cycle and are its own.
 */
public abstract class ServiceArchitectureTests {

    protected final ModuleArchitecture module = ModuleArchitecture.current();

    @Test
    void usesNoOtherServiceCodeInAnyScope() {
        module.checkUsesNoOtherService();
    }

    @Test
    void hasNoPackageCycles() {
        module.checkNoPackageCycles();
    }

    @Test
    void ownsItsPackages() {
        module.checkOwnsItsPackages();
    }
}
