package io.triage.pii;

import io.triage.testsupport.architecture.CoreArchitectureTests;

/** The boundaries of pii-sanitizer: a plain-Java core; only its Spring Boot auto-configuration uses Spring. */
class ArchitectureTests extends CoreArchitectureTests {

    @Override
    protected String[] springAdapterPackages() {
        return new String[] {"io.triage.pii.autoconfigure.."};
    }
}
