package io.triage.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The architecture checks of the module a test runs in (Maven runs tests from the module's directory). Each module's
 * {@code ArchitectureTests} calls the checks that apply to its kind: a service, a library, or a Spring-free core.
 */
public final class ModuleArchitecture {

    private final Path root;
    private final String module;
    private final ModuleMap modules;

    private ModuleArchitecture(Path root, String module) {
        this.root = root;
        this.module = module;
        this.modules = ModuleMap.scan(root);
    }

    /** The module whose directory the test runs in, inside the repository holding it. */
    public static ModuleArchitecture current() {
        Path dir = Path.of("").toAbsolutePath();
        Path root = dir;
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        if (root == null || root.equals(dir)) {
            throw new IllegalStateException("Run from a module directory inside the repository, not " + dir);
        }
        return new ModuleArchitecture(root, root.relativize(dir).toString().replace('\\', '/'));
    }

    public String module() {
        return module;
    }

    public ModuleMap modules() {
        return modules;
    }

    /** A service uses no other service's code in main or test scope. */
    public void checkUsesNoOtherService() {
        assertThat(modules.isService(module)).as(module + " is a service (it has a @SpringBootApplication)").isTrue();
        ArchitectureRules.noOtherServiceCode(modules, module).check(allClasses());
    }

    /** A library uses no service's code in main or test scope. */
    public void checkUsesNoService() {
        assertThat(modules.isService(module)).as(module + " is a library (no @SpringBootApplication)").isFalse();
        ArchitectureRules.noServiceCode(modules).check(allClasses());
    }

    /** The module's main packages form no cycle. */
    public void checkNoPackageCycles() {
        ArchitectureRules.noPackageCycles().check(mainClasses());
    }

    /** The module's main code imports no Spring outside {@code exceptPackages} (ArchUnit patterns). */
    public void checkSpringFree(String... exceptPackages) {
        ArchitectureRules.springFree(exceptPackages).check(mainClasses());
    }

    /** Every package of this module is this module's alone (no package split across jars). */
    public void checkOwnsItsPackages() {
        assertThat(modules.splitPackages()).as("packages held by more than one module")
                .allSatisfy((pkg, owners) -> assertThat(owners).doesNotContain(module));
    }

    public JavaClasses mainClasses() {
        return importFrom(List.of(root.resolve(module).resolve("target/classes")));
    }

    public JavaClasses allClasses() {
        return importFrom(List.of(root.resolve(module).resolve("target/classes"),
                root.resolve(module).resolve("target/test-classes")));
    }

    private static JavaClasses importFrom(List<Path> dirs) {
        List<Path> present = dirs.stream().filter(Files::isDirectory).toList();
        assertThat(present).as("compiled classes in " + dirs).isNotEmpty();
        return new ClassFileImporter().importPaths(present.toArray(Path[]::new));
    }
}
