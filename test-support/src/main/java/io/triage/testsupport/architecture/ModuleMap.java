package io.triage.testsupport.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which Maven module owns each Java package of the repository, read from the source trees (main and test) rather than
 * from a hand-kept list, so a new module or package is covered the day it appears. A module is a <em>service</em> when
 * its main sources hold a {@code @SpringBootApplication}; every other module is a library or a tool.
 *
 * @param moduleOfPackage package name to the module directory (relative to the repository root) that holds it
 * @param services        module directories that are deployable services
 * @param splitPackages   packages found in more than one module, with those modules
 */
public record ModuleMap(Map<String, String> moduleOfPackage, Set<String> services,
        Map<String, Set<String>> splitPackages) {

    private static final List<String> SOURCE_ROOTS = List.of("src/main/java", "src/test/java");
    private static final Pattern BOOT_APPLICATION = Pattern.compile("^\\s*@SpringBootApplication\\b", Pattern.MULTILINE);

    public ModuleMap {
        moduleOfPackage = Map.copyOf(moduleOfPackage);
        services = Set.copyOf(services);
        splitPackages = Map.copyOf(splitPackages);
    }

    /** Scans every module under {@code root} (directories with a pom.xml, nested ones such as benchmarks/* too). */
    public static ModuleMap scan(Path root) {
        Map<String, String> owners = new TreeMap<>();
        Map<String, Set<String>> split = new TreeMap<>();
        Set<String> services = new TreeSet<>();
        for (Path module : modules(root)) {
            String name = root.relativize(module).toString().replace('\\', '/');
            for (String sourceRoot : SOURCE_ROOTS) {
                Path sources = module.resolve(sourceRoot);
                for (Path file : javaFiles(sources)) {
                    String pkg = packageOf(sources, file);
                    String owner = owners.putIfAbsent(pkg, name);
                    if (owner != null && !owner.equals(name)) {
                        split.computeIfAbsent(pkg, p -> new TreeSet<>(Set.of(owner))).add(name);
                    }
                    if (sourceRoot.equals("src/main/java") && declaresBootApplication(file)) {
                        services.add(name);
                    }
                }
            }
        }
        return new ModuleMap(owners, services, split);
    }

    /** The module owning {@code packageName}, if it is one of this repository's packages. */
    public Optional<String> moduleOf(String packageName) {
        return Optional.ofNullable(moduleOfPackage.get(packageName));
    }

    public boolean isService(String module) {
        return services.contains(module);
    }

    private static List<Path> modules(Path root) {
        try (Stream<Path> poms = Files.walk(root, 3)) {
            return poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .map(Path::getParent)
                    .filter(dir -> !dir.equals(root) && Files.isDirectory(dir.resolve("src")))
                    .filter(dir -> root.relativize(dir).toString().split("[/\\\\]").length <= 2)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path sources) {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String packageOf(Path sources, Path file) {
        Path dir = sources.relativize(file).getParent();
        return dir == null ? "" : dir.toString().replace('/', '.').replace('\\', '.');
    }

    private static boolean declaresBootApplication(Path file) {
        try {
            return BOOT_APPLICATION.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
