package io.triage.testsupport.fuzz;

import static io.triage.testsupport.fuzz.Fragments.pick;
import static io.triage.testsupport.fuzz.JsonTemplate.concat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.triage.testsupport.fuzz.JsonTemplate.Spliced;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates an endpoint's fuzz inputs from its valid example, reproducibly: the same seed, endpoint and count give
 * the same bytes. Every class of input appears in any run of 20 or more (a fixed schedule, the variant is random).
 */
public final class FuzzInputs {

    /** The classes of input, in the order a run cycles through them (mutations weigh most: they reach deepest). */
    private static final List<String> SCHEDULE = List.of("mutated", "malformed", "unicode", "mutated", "content-type",
            "deep", "mutated", "yaml", "malformed", "unicode", "mutated", "huge", "mutated", "malformed", "unicode",
            "yaml", "mutated", "deep", "content-type", "unicode");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final long seed;
    private final long maxBodyBytes;

    /**
     * @param seed         the run's seed
     * @param maxBodyBytes the service's body limit: huge inputs go just under and just over it
     */
    public FuzzInputs(long seed, long maxBodyBytes) {
        this.seed = seed;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** {@code count} inputs for the endpoint at this path, from {@code example} (JSON, or YAML for a YAML route). */
    public List<FuzzInput> generate(FuzzEndpoint endpoint, String path, String example, int count) {
        Random random = new Random(seed * 1_000_003L + (endpoint.method() + " " + path).hashCode());
        List<FuzzInput> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String inputClass = SCHEDULE.get(i % SCHEDULE.size());
            inputs.add(endpoint.yaml() ? yaml(inputClass, endpoint, example, random)
                    : json(inputClass, endpoint, example, random));
        }
        return inputs;
    }

    private FuzzInput json(String inputClass, FuzzEndpoint endpoint, String example, Random random) {
        JsonTemplate template = new JsonTemplate(example);
        String type = endpoint.contentType();
        return switch (inputClass) {
            case "mutated" -> {
                boolean reshape = random.nextInt(4) == 0;
                byte[] value = utf8(random.nextInt(3) == 0 ? pick(Fragments.ESCAPED_STRINGS, random)
                        : pick(Fragments.VALUES, random));
                Spliced spliced = reshape ? template.reshape(random, value) : template.replaceValue(random, value,
                        false);
                yield new FuzzInput(inputClass, spliced.path() + " = " + abbreviate(value), type, spliced.body());
            }
            case "malformed" -> malformed(template.text(), type, random);
            case "unicode" -> {
                boolean raw = random.nextBoolean();
                byte[] value = raw ? concat(utf8("\"a"), pick(Fragments.RAW_STRING_CONTENTS, random), utf8("b\""))
                        : utf8(pick(Fragments.ESCAPED_STRINGS, random));
                if (random.nextInt(8) == 0) {
                    yield new FuzzInput(inputClass, "UTF-16 body", type + "; charset=UTF-16",
                            template.text().getBytes(StandardCharsets.UTF_16));
                }
                Spliced spliced = template.replaceValue(random, value, true);
                yield new FuzzInput(inputClass, spliced.path() + " = " + abbreviate(value), type, spliced.body());
            }
            case "content-type" -> contentType(template.text(), random);
            case "deep" -> {
                int depth = pick(List.of(600, 1_001, 10_000, 100_000), random);
                String nested = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                Spliced spliced = template.replaceValue(random, utf8(nested), false);
                yield new FuzzInput(inputClass, spliced.path() + " nested " + depth, type, spliced.body());
            }
            case "yaml" -> {
                String bomb = pick(Fragments.yamlBombs(random), random);
                Spliced spliced = template.replaceNamed("yaml", utf8(JSON.writeValueAsString(bomb)), random);
                yield new FuzzInput(inputClass, spliced.path() + " = yaml " + abbreviate(utf8(bomb)), type,
                        spliced.body());
            }
            case "huge" -> huge(template, type, random);
            default -> throw new IllegalStateException(inputClass);
        };
    }

    private FuzzInput malformed(String valid, String type, Random random) {
        byte[] bytes = utf8(valid);
        return switch (random.nextInt(5)) {
            case 0 -> {
                String document = pick(Fragments.BROKEN_DOCUMENTS, random);
                yield new FuzzInput("malformed", "document " + abbreviate(utf8(document)), type, utf8(document));
            }
            case 1 -> {
                int cut = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                yield new FuzzInput("malformed", "truncated at " + cut, type, java.util.Arrays.copyOf(bytes, cut));
            }
            case 2 -> {
                String garbage = pick(List.of("}", "]", ",", "x", "{}", "\u0000", " trailing", "\"", "//"), random);
                yield new FuzzInput("malformed", "trailing " + abbreviate(utf8(garbage)), type,
                        concat(bytes, utf8(garbage)));
            }
            case 3 -> {
                byte[] flipped = bytes.clone();
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips && flipped.length > 0; i++) {
                    flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
                }
                yield new FuzzInput("malformed", flips + " random bytes replaced", type, flipped);
            }
            default -> {
                byte[] noise = new byte[random.nextInt(2_048)];
                random.nextBytes(noise);
                yield new FuzzInput("malformed", noise.length + " random bytes", type, noise);
            }
        };
    }

    private FuzzInput contentType(String valid, Random random) {
        if (random.nextInt(6) == 0) {
            return new FuzzInput("content-type", "no Content-Type", null, utf8(valid));
        }
        String type = pick(Fragments.CONTENT_TYPES, random);
        return new FuzzInput("content-type", abbreviate(utf8(type)), type, utf8(valid));
    }

    private FuzzInput huge(JsonTemplate template, String type, Random random) {
        int variant = random.nextInt(5);
        long length = switch (variant) {
            case 0 -> maxBodyBytes - template.text().length() - 64; // just under the limit
            case 1 -> maxBodyBytes + 1 + random.nextInt(4_096); // just over it
            default -> 100_000 + random.nextInt(200_000);
        };
        byte[] value = switch (variant) {
            case 2 -> utf8("[" + "0,".repeat((int) length / 2) + "0]");
            case 3 -> utf8("\"" + "é".repeat((int) length / 2) + "\"");
            case 4 -> utf8("{" + "\"k%d\":1,".repeat((int) length / 10).formatted(
                    java.util.stream.IntStream.range(0, (int) length / 10).boxed().toArray()) + "\"k\":1}");
            default -> utf8("\"" + "a".repeat((int) Math.max(0, length)) + "\"");
        };
        Spliced spliced = template.replaceValue(random, value, variant != 2 && variant != 4);
        String what = switch (variant) {
            case 0 -> "string to just under the body limit";
            case 1 -> "string to just over the body limit";
            case 2 -> "array of " + length / 2 + " numbers";
            case 3 -> "string of " + length / 2 + " two-byte characters";
            default -> "object of " + length / 10 + " fields";
        };
        return new FuzzInput("huge", spliced.path() + " " + what, type, spliced.body());
    }

    private FuzzInput yaml(String inputClass, FuzzEndpoint endpoint, String example, Random random) {
        String type = endpoint.contentType();
        YamlText text = new YamlText(example);
        return switch (inputClass) {
            case "mutated" -> text.mutate(random, type);
            case "malformed" -> random.nextBoolean() ? text.truncate(random, type)
                    : new FuzzInput("malformed", "broken document", type,
                            utf8(pick(List.of("{", "[", ": :", "- - - -", "'x", "\"x", "@x", "`x", "a: b: c",
                                    "a:\n- b\n c: d", "\t- x", "? ? ?", "!", "&", "*", "|\n  x\n y"), random)));
            case "unicode" -> text.insertBytes(random, type, random.nextBoolean()
                    ? pick(Fragments.RAW_STRING_CONTENTS, random)
                    : utf8(pick(List.of("\"\\ud800\"", "\"\\0\"", "\"\\u202e\"", "\"\\x00\"", "\"\\U0010FFFF\"",
                            "\"\\U00110000\"", "\"\\uDFFF\""), random)));
            case "content-type" -> contentType(example, random);
            case "deep" -> {
                int depth = pick(List.of(100, 1_000, 10_000), random);
                String deep = pick(List.of("[".repeat(depth) + "]".repeat(depth),
                        "{a: ".repeat(depth) + "1" + "}".repeat(depth), "- ".repeat(depth) + "x"), random);
                yield new FuzzInput(inputClass, "nested " + depth, type, utf8(deep));
            }
            case "yaml" -> {
                String bomb = pick(Fragments.yamlBombs(random), random);
                yield new FuzzInput(inputClass, abbreviate(utf8(bomb)), type, utf8(bomb));
            }
            case "huge" -> {
                boolean over = random.nextBoolean();
                long padding = over ? maxBodyBytes + 1 : maxBodyBytes - example.length() - 64;
                boolean comment = random.nextBoolean();
                String filler = comment ? "#" + "c".repeat((int) Math.max(0, padding - 2)) + "\n"
                        : "x: " + "v".repeat((int) Math.max(0, padding - 5)) + "\n";
                yield new FuzzInput(inputClass, (comment ? "comment" : "scalar") + " to just "
                        + (over ? "over" : "under") + " the body limit", type, utf8(filler + example));
            }
            default -> throw new IllegalStateException(inputClass);
        };
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A short, printable rendering of a value for the input's description. */
    static String abbreviate(byte[] value) {
        String text = new String(value, 0, Math.min(value.length, 40), StandardCharsets.UTF_8);
        StringBuilder printable = new StringBuilder();
        text.codePoints().forEach(c -> printable.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
                || Character.getType(c) == Character.FORMAT || c == 0xfffd ? String.format("\\u%04x", c)
                : Character.toString(c)));
        return printable + (value.length > 40 ? "…(" + value.length + " bytes)" : "");
    }
}
