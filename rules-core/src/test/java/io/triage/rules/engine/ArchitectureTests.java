package io.triage.rules.engine;

import io.triage.testsupport.architecture.ModuleArchitecture;
import org.junit.jupiter.api.Test;

/** The boundaries of the rules-core library: plain Java below every service. See {@link ModuleArchitecture}. */
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

    @Test
    void importsNoSpring() {
        module.checkSpringFree();
    }
}
