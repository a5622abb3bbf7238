package io.triage.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Optional;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * The suite's boundaries as ArchUnit rules. Modules are told apart by {@link ModuleMap} (who owns which package), so
 * the rules need no hand-kept list of services or libraries.
 */
public final class ArchitectureRules {

    private static final SliceAssignment FEATURE_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            return pkg.startsWith("io.triage.") && pkg.chars().filter(c -> c == '.').count() >= 3
                    ? SliceIdentifier.of(pkg.substring("io.triage.".length()))
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages below io.triage.<module>";
        }
    };

    private ArchitectureRules() {
    }

    /** No class of {@code module} (main or test) uses a class of another service: services talk over HTTP only. */
    public static ArchRule noOtherServiceCode(ModuleMap modules, String module) {
        return classes().should(notDependOnServicesOtherThan(modules, module))
                .as("services use no other service's code, in any scope (they talk over HTTP)");
    }

    /** No class of a library (main or test) uses a service's class: libraries sit below every service. */
    public static ArchRule noServiceCode(ModuleMap modules) {
        return classes().should(notDependOnServicesOtherThan(modules, null))
                .as("libraries use no service's code");
    }

    /**
     * No two packages below a module's root package ({@code io.triage.<module>}) depend on each other, directly or
     * around a ring; a parent and its subpackage count as two packages. The root package itself is the composition
     * root (application class, auto-configuration, a library's facade) and is left out.
     */
    public static ArchRule noPackageCycles() {
        return slices().assignedFrom(FEATURE_PACKAGES).should().beFreeOfCycles()
                .allowEmptyShould(true) // a one-package module has nothing to check
                .as("packages are free of cycles");
    }

    /** Plain Java: nothing outside {@code exceptPackages} (ArchUnit package patterns) imports Spring. */
    public static ArchRule springFree(String... exceptPackages) {
        String spring = "org.springframework..";
        ArchRule rule = exceptPackages.length == 0
                ? noClasses().should().dependOnClassesThat().resideInAPackage(spring)
                : noClasses().that().resideOutsideOfPackages(exceptPackages)
                        .should().dependOnClassesThat().resideInAPackage(spring);
        return rule.as("the core is plain Java: no Spring imports" + (exceptPackages.length == 0 ? ""
                        : " outside " + String.join(", ", exceptPackages)));
    }

    private static ArchCondition<JavaClass> notDependOnServicesOtherThan(ModuleMap modules,
            @Nullable String allowed) {
        return new ArchCondition<>("not depend on " + (allowed == null ? "any service" : "another service")) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    Optional<String> owner = modules.moduleOf(dependency.getTargetClass().getPackageName());
                    if (owner.isPresent() && modules.isService(owner.get()) && !owner.get().equals(allowed)) {
                        events.add(SimpleConditionEvent.violated(dependency,
                                dependency.getDescription() + " (code of service " + owner.get() + ")"));
                    }
                }
            }
        };
    }
}
