package io.triage.platform;

import io.triage.testsupport.architecture.ModuleArchitecture;
import org.junit.jupiter.api.Test;

/** The boundaries of this library: see {@link ModuleArchitecture}. */
class ArchitectureTests {

    private final ModuleArchitecture module = ModuleArchitecture.current();

    @Test
    void usesNoServiceCode() {
        module.checkUsesNoService();
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
