/**
 * The suite's architecture rules (ArchUnit): services use no other service's code, libraries no service's, cores no
 * Spring, packages no cycles. Each module's {@code ArchitectureTests} applies the ones for its kind.
 */
@NullMarked
package io.triage.testsupport.architecture;

import org.jspecify.annotations.NullMarked;
