package io.triage.console;

import io.triage.testsupport.architecture.ArchitectureRules;
import io.triage.testsupport.architecture.PackageArchitectureTests;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the console, a service. Its main code uses no other service's code; its browser test boots
 * rules-engine in the test JVM (as system-tests do), so the rule is checked on the main classes only.
 */
class ArchitectureTests extends PackageArchitectureTests {

    @Test
    void mainCodeUsesNoOtherService() {
        ArchitectureRules.noOtherServiceCode(module.modules(), module.module()).check(module.mainClasses());
    }
}
