package io.triage.audit;

import io.triage.testsupport.architecture.ModuleArchitecture;
import org.junit.jupiter.api.Test;

/** The boundaries of this service: see {@link ModuleArchitecture}. */
class ArchitectureTests {

    private final ModuleArchitecture module = ModuleArchitecture.current();

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
