package io.triage.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A node script driving Debian's Chromium with playwright-core and axe-core (installed by {@code ./triage test} under
 * {@code var/tools/playwright}; the build passes the directory as {@value #HOME_PROPERTY}). Without Chromium,
 * Node.js or playwright-core the calling test is skipped with a warning, and fails where {@value #REQUIRE}=1 (CI), so
 * a missing browser never passes as a tested console.
 *
 * <p>The script gets {@code CHROMIUM} (the browser binary), {@code PLAYWRIGHT_HOME} and {@code BROWSER_HARNESS} (the
 * URL of the shared module {@code harness.mjs}: {@code check}, {@code accessible}, {@code text}, {@code inChromium}) in
 * its environment beside the caller's own variables, prints one {@code PASS}/{@code FAIL} line per check and ends with {@code ALL PASSED} and exit
 * code 0 only when every check passed.
 */
public final class ChromiumScript {

    /** The environment variable that turns a missing browser from a skip into a failure. */
    public static final String REQUIRE = "TRIAGE_REQUIRE_BROWSER";
    /** Where playwright-core and axe-core are installed (a directory holding {@code node_modules}). */
    public static final String HOME_PROPERTY = "triage.playwright.home";

    private final Path node;
    private final Path chromium;
    private final Path home;

    private ChromiumScript(Path node, Path chromium, Path home) {
        this.node = node;
        this.chromium = chromium;
        this.home = home;
    }

    /** The tools, or {@code test} skipped (failed where {@value #REQUIRE}=1) naming the one that is missing. */
    public static ChromiumScript find(String test) {
        Path chromium = required(test, "Chromium (Debian: apt-get install chromium)", executable("/usr/bin/chromium",
                "/usr/bin/chromium-browser"));
        Path home = Path.of(System.getProperty(HOME_PROPERTY, "../var/tools/playwright")).toAbsolutePath();
        required(test, "playwright-core and axe-core (./triage test installs them under var/tools/playwright)",
                Optional.of(home.resolve("node_modules/playwright-core/package.json")).filter(Files::isRegularFile));
        Path node = required(test, "Node.js (Debian: apt-get install nodejs)", executable("/usr/bin/node",
                "/usr/local/bin/node"));
        return new ChromiumScript(node, chromium, home);
    }

    /**
     * Runs {@code script} with {@code environment} and asserts it passed every check; its output goes to {@code log}
     * and to standard output, and is returned.
     */
    public String run(Path script, Map<String, String> environment, Duration timeout, Path log)
            throws IOException, InterruptedException {
        Path logs = Files.createDirectories(Objects.requireNonNull(log.toAbsolutePath().getParent(), "a file's folder"));
        ProcessBuilder browser = new ProcessBuilder(node.toString(), script.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        browser.environment().putAll(environment);
        browser.environment().put("CHROMIUM", chromium.toString());
        browser.environment().put("PLAYWRIGHT_HOME", home.toString());
        browser.environment().put("BROWSER_HARNESS", harness(logs).toUri().toString());
        Process run = browser.start();
        boolean finished = run.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            run.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(finished).as("the browser run finished in " + timeout + ":\n" + output).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).contains("ALL PASSED").doesNotContain("FAIL ");
        return output;
    }

    /** The scripts' shared module (checks, axe-core, one Chromium page, the verdict), written beside the log. */
    private static Path harness(Path directory) throws IOException {
        Path harness = directory.resolve("harness.mjs");
        try (InputStream source = Objects.requireNonNull(ChromiumScript.class.getResourceAsStream("harness.mjs"),
                "harness.mjs beside ChromiumScript")) {
            Files.copy(source, harness, StandardCopyOption.REPLACE_EXISTING);
        }
        return harness;
    }

    private static Optional<Path> executable(String... candidates) {
        return Stream.of(candidates).map(Path::of).filter(Files::isExecutable).findFirst();
    }

    private static <T> T required(String test, String what, Optional<T> tool) {
        if (tool.isEmpty()) {
            String message = what + " is missing: the console is NOT tested in a browser";
            if ("1".equals(System.getenv(REQUIRE))) {
                fail(message + " although " + REQUIRE + "=1");
            }
            System.err.println("WARNING: " + test + " SKIPPED: " + message);
            Assumptions.abort(message);
        }
        return tool.orElseThrow();
    }
}
