package io.triage.testsupport.architecture;

import org.junit.jupiter.api.Test;

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
}
