package io.triage.testsupport.fuzz;

import static io.triage.testsupport.fuzz.Fragments.pick;
import static io.triage.testsupport.fuzz.FuzzInputs.abbreviate;
import static io.triage.testsupport.fuzz.FuzzInputs.utf8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** A valid YAML example mutated line by line, so most of the document still parses and the mutation is reached. */
final class YamlText {

    private static final List<String> SCALARS = List.of("~", "null", "''", "\"\"", "[]", "{}", "-1", "0x7fffffff",
            "1e309", ".inf", ".nan", "true", "yes", "2026-13-45", "*undefined", "&anchor", "!!str", "!!map", "[",
            "{", "|", ">", "'it''s'", "\"\\ud800\"", "\"\\0\"", "😀", "\u202eevil", "${jndi:ldap://x}", "<<", "? x",
            "[a, [b, [c, [d]]]]", "{a: {b: {c: 1}}}", "x".repeat(10_000));

    private final String example;

    YamlText(String example) {
        this.example = example;
    }

    FuzzInput mutate(Random random, String type) {
        List<String> lines = new ArrayList<>(Arrays.asList(example.split("\n", -1)));
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        String what;
        switch (random.nextInt(5)) {
            case 0 -> {
                int colon = line.indexOf(": ");
                String scalar = pick(SCALARS, random);
                lines.set(at, colon < 0 ? line + " " + scalar : line.substring(0, colon + 2) + scalar);
                what = "line " + (at + 1) + " value " + abbreviate(utf8(scalar));
            }
            case 1 -> {
                lines.remove(at);
                what = "line " + (at + 1) + " removed";
            }
            case 2 -> {
                lines.add(at, line);
                what = "line " + (at + 1) + " duplicated";
            }
            case 3 -> {
                lines.set(at, " ".repeat(random.nextInt(6)) + (random.nextBoolean() ? "\t" : "") + line.strip());
                what = "line " + (at + 1) + " re-indented";
            }
            default -> {
                String scalar = pick(SCALARS, random);
                lines.add(at, scalar + ": " + pick(SCALARS, random));
                what = "line " + (at + 1) + " inserted key " + abbreviate(utf8(scalar));
            }
        }
        return new FuzzInput("mutated", what, type, utf8(String.join("\n", lines)));
    }

    FuzzInput truncate(Random random, String type) {
        byte[] bytes = utf8(example);
        int cut = random.nextInt(Math.max(1, bytes.length));
        return new FuzzInput("malformed", "truncated at " + cut, type, Arrays.copyOf(bytes, cut));
    }

    FuzzInput insertBytes(Random random, String type, byte[] inserted) {
        byte[] bytes = utf8(example);
        int at = random.nextInt(bytes.length + 1);
        return new FuzzInput("unicode", abbreviate(inserted) + " at byte " + at, type, JsonTemplate.concat(
                Arrays.copyOf(bytes, at), inserted, Arrays.copyOfRange(bytes, at, bytes.length)));
    }
}
