package io.triage.testsupport.architecture;

import org.junit.jupiter.api.Test;

/** The architecture tests of a Spring-free core library: those of every library, and no Spring in its main code. */
public abstract class CoreArchitectureTests extends LibraryArchitectureTests {

    /** ArchUnit patterns of packages allowed to use Spring, e.g. the library's auto-configuration; none by default. */
    protected String[] springAdapterPackages() {
        return new String[0];
    }

    @Test
    void importsNoSpring() {
        module.checkSpringFree(springAdapterPackages());
    }
}
