package io.triage.testsupport.architecture;

import org.junit.jupiter.api.Test;

/** What every module's architecture tests check, whatever its kind: no package cycles, no package shared. */
public abstract class PackageArchitectureTests {

    protected final ModuleArchitecture module = ModuleArchitecture.current();

    @Test
    void hasNoPackageCycles() {
        module.checkNoPackageCycles();
    }

    @Test
    void ownsItsPackages() {
        module.checkOwnsItsPackages();
    }
}
