package io.triage.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules fail on planted violations (the fixture packages) and pass where there are none. */
class ArchitectureRulesTests {

    private static final String FIXTURE = "io.triage.testsupport.architecture.fixture";

    private static final ModuleMap TWO_SERVICES = new ModuleMap(
            Map.of(FIXTURE + ".alpha", "alpha-service", FIXTURE + ".beta", "beta-service",
                    FIXTURE + ".ring.one", "a-library", FIXTURE + ".ring.two", "a-library"),
            Set.of("alpha-service", "beta-service"), Map.of());

    private static JavaClasses fixture(String subpackage) {
        return new ClassFileImporter().importPackages(FIXTURE + "." + subpackage);
    }

    @Test
    void aServiceUsingAnotherServicesCodeFailsNamingBoth() {
        assertThatThrownBy(() -> ArchitectureRules.noOtherServiceCode(TWO_SERVICES, "alpha-service")
                .check(fixture("alpha")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("AlphaController")
                .hasMessageContaining("BetaRepository")
                .hasMessageContaining("code of service beta-service");
    }

    @Test
    void aServiceUsingOnlyItsOwnCodePasses() {
        assertThatCode(() -> ArchitectureRules.noOtherServiceCode(TWO_SERVICES, "beta-service")
                .check(fixture("beta"))).doesNotThrowAnyException();
    }

    @Test
    void aLibraryUsingAServiceFails() {
        assertThatThrownBy(() -> ArchitectureRules.noServiceCode(TWO_SERVICES).check(fixture("alpha")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("code of service beta-service");
        assertThatCode(() -> ArchitectureRules.noServiceCode(TWO_SERVICES).check(fixture("ring")))
                .doesNotThrowAnyException();
    }

    @Test
    void aPackageCycleFailsAndAnAcyclicTreePasses() {
        assertThatThrownBy(() -> ArchitectureRules.noPackageCycles().check(fixture("ring")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("ring.one")
                .hasMessageContaining("ring.two");
        assertThatCode(() -> ArchitectureRules.noPackageCycles().check(fixture("alpha")))
                .doesNotThrowAnyException();
    }

    @Test
    void springInASpringFreeCoreFailsUnlessItsPackageIsExempt() {
        assertThatThrownBy(() -> ArchitectureRules.springFree().check(fixture("beta")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SpringUser");
        assertThatCode(() -> ArchitectureRules.springFree(FIXTURE + ".beta..")
                .check(new ClassFileImporter().importPackages(FIXTURE)))
                .doesNotThrowAnyException();
    }

    @Test
    void theModuleMapFindsServicesByTheirBootApplicationAndReportsSplitPackages(@TempDir Path root)
            throws IOException {
        write(root, "a-service/src/main/java/io/x/a/AApp.java", "package io.x.a;\n@SpringBootApplication class AApp {}");
        write(root, "a-service/src/test/java/io/x/a/ATests.java", "package io.x.a;\nclass ATests {}");
        write(root, "lib/src/main/java/io/x/lib/Lib.java", "package io.x.lib;\nclass Lib {}");
        write(root, "tools/bench/src/main/java/io/x/lib/Bench.java", "package io.x.lib;\nclass Bench {}");

        ModuleMap map = ModuleMap.scan(root);

        assertThat(map.services()).containsExactly("a-service");
        assertThat(map.moduleOf("io.x.a")).contains("a-service");
        assertThat(map.moduleOf("io.x.lib")).contains("lib");
        assertThat(map.moduleOf("io.y")).isEmpty();
        assertThat(map.splitPackages()).containsEntry("io.x.lib", Set.of("lib", "tools/bench"));
    }

    @Test
    void thisRepositoryHasNoSplitPackages() {
        assertThat(ModuleArchitecture.current().modules().splitPackages()).isEmpty();
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
        Files.writeString(root.resolve(file.substring(0, file.indexOf("/src/")) + "/pom.xml"), "<project/>");
    }
}
