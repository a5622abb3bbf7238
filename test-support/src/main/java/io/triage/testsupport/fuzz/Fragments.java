package io.triage.testsupport.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The raw pieces the generator splices into bodies: JSON values of every type, odd Unicode, invalid UTF-8, YAML. */
final class Fragments {

    /** JSON values of the wrong type, out of range or at the edges of what a parser accepts. */
    static final List<String> VALUES = List.of("null", "true", "false", "0", "-1", "-0", "1.5", "-1e-7",
            "2147483648", "-9223372036854775809", "9223372036854775808", "123456789012345678901234567890123456789",
            "1e309", "-1e309", "1e-400", "1E999999", "0.0000000000000000000000000000000000000000001", "\"\"", "\" \"",
            "\"null\"", "\"true\"", "\"-1\"", "\"1e309\"", "\"NaN\"", "\"2026-13-45T99:99:99Z\"", "\"0000-00-00\"",
            "\"../../../../etc/passwd\"", "\"' OR '1'='1\"", "\"%s%n%x\"", "\"${jndi:ldap://127.0.0.1/x}\"",
            "\"<script>alert(1)</script>\"", "\"=HYPERLINK(\\\"x\\\")\"", "\"00000000-0000-0000-0000-000000000000\"",
            "\"not-a-uuid\"", "\"CUSTOMER-\\\\\\\"\"", "[]", "{}", "[null]", "[1,\"a\",{},[]]", "{\"\":null}",
            "{\"a\":{\"b\":{\"c\":[1,2,3]}}}", "[\"servicenow\",\"zendesk\",\"jira\"]");

    /** JSON string literals with escapes a decoder must survive: NUL, lone surrogates, bidi overrides and the like. */
    static final List<String> ESCAPED_STRINGS = List.of("\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"",
            "\"\\udfff\\ud800\"", "\"x\\udbff\"", "\"\\u202eevil\\u202c.pdf\"", "\"\\u2066\\u2067\\u2068\\u2069\"",
            "\"\\ufeff\\ufffe\\uffff\"", "\"\\u2028\\u2029\"", "\"\\u001b[31mred\\u001b[0m\"", "\"\\r\\n\\t\\b\\f\"",
            "\"\\uD83D\\uDE00\\uD83D\\uDC68\\u200D\\uD83D\\uDC69\\u200D\\uD83D\\uDC67\"", "\"\\u0000\\u0001\\u001f\"",
            "\"\\u00e9\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301\"", "\"\\uff21\\uff22\\uff23\"");

    /** Raw UTF-8 text (and deliberate non-UTF-8) to put between the quotes of a string. */
    static final List<byte[]> RAW_STRING_CONTENTS = List.of(
            utf8("😀👨‍👩‍👧‍👦🏳️‍🌈"), utf8("\u202eevil\u202c"), utf8("Z̷̢̛̛a̸̧̛l̶̢g̵̢o̶̧"), utf8("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ﷽ ᄀᄀᄀ"),
            utf8("日本語の件名 — «ticket»"), utf8("عربي עברית"),
            bytes(0x00), bytes(0x01, 0x7f), // control characters raw inside a string: invalid JSON
            bytes(0xc0, 0xaf), bytes(0xe0, 0x80, 0xaf), bytes(0xf0, 0x80, 0x80, 0xaf), // overlong '/'
            bytes(0xed, 0xa0, 0x80), bytes(0xed, 0xbf, 0xbf), // UTF-8-encoded surrogates
            bytes(0xff), bytes(0xfe, 0xff), bytes(0x80), bytes(0xbf, 0xbf), // no lead byte
            bytes(0xe2, 0x82), bytes(0xf4, 0x90, 0x80, 0x80), bytes(0xf8, 0x88, 0x80, 0x80, 0x80)); // cut, > U+10FFFF

    /** Structurally broken JSON documents, whole. */
    static final List<String> BROKEN_DOCUMENTS = List.of("", " ", "\n", "{", "}", "[", "{\"a\":", "{\"a\" 1}",
            "{'a': 1}", "{a: 1}", "{\"a\": 1,}", "[1,]", "{\"a\": 1} {\"b\": 2}", "{\"a\": 01}", "{\"a\": .5}",
            "{\"a\": NaN}", "{\"a\": Infinity}", "{\"a\": undefined}", "{\"a\": 0x10}", "{\"a\": \"\\x41\"}",
            "{\"a\": \"\\u12\"}", "{\"a\": \"unterminated}", "{/* comment */}", "// comment\n{}", "{\"a\": 1}#",
            "null", "true", "0", "\"text\"", "[]", "[[]]", "[{}]", "\"\\ud800\"", "{\"\\u0000\": 1}");

    /** YAML documents a naive loader expands, recurses on, or instantiates classes from. */
    static List<String> yamlBombs(Random random) {
        return List.of(billionLaughs(), "a: &a [*a]\n", "&a [*a, *a]", "a: &a {b: *a}\n",
                "[".repeat(10_000) + "]".repeat(10_000), "{a: ".repeat(5_000) + "1" + "}".repeat(5_000),
                nestedBlock(2_000), "- ".repeat(3_000) + "x\n",
                "x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL "
                        + "[\"http://127.0.0.1:9/\"]]]]\n",
                "x: !!java.lang.ProcessBuilder [[\"true\"]]\n", "x: !<tag:yaml.org,2002:java.io.File> /etc/passwd\n",
                "x: !!python/object/apply:os.system [\"true\"]\n", "base: &b {x: 1}\nm: {<<: [*b, *b, *b, *b]}\n",
                manyAliases(5_000), "a: 1\na: 2\n", "\ta: 1\n", "%YAML 9.9\n---\na: 1\n", "--- a\n--- b\n--- c\n",
                "? [a, b]\n: c\n", "x: !!binary AAAA\n", "x: !!timestamp 2026-13-45\n", "x: !!int 0x7fffffffffffffffff\n",
                "x: !!float .nan\n", "\"" + "\\" + "u" + "d800\"\n", "x: \"\\0\\a\\e\"\n",
                "k".repeat(2_000) + ": v\n", "x: " + "y".repeat(1 + random.nextInt(200_000)) + "\n",
                "~", "", "---", "...", "{", "[", ": :", "- - - -", "'unterminated", "@reserved", "`reserved");
    }

    private static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int level = 1; level < 10; level++) {
            String previous = "*a" + (level - 1);
            yaml.append('a').append(level).append(": &a").append(level).append(" [")
                    .append(String.join(",", Collections.nCopies(9, previous))).append("]\n");
        }
        return yaml.toString();
    }

    private static String nestedBlock(int depth) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            yaml.append(" ".repeat(i)).append("k:\n");
        }
        return yaml.append(" ".repeat(depth)).append("v\n").toString();
    }

    private static String manyAliases(int count) {
        return "s: &s \"x\"\nl: [" + String.join(",", Collections.nCopies(count, "*s")) + "]\n";
    }

    /** Content types a client may send instead of the declared one. */
    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "text/html",
            "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x",
            "application/json; charset=UTF-16", "application/json; charset=nonsense", "application/json; charset=",
            "application/json;;;", "application/json; q=abc", "application/*", "*/*", "garbage", "/", "a/b/c",
            "application/yaml", "application/x-ndjson", "text/csv", "application/octet-stream",
            "application/vnd.api+json", "application/problem+json", "application/json; " + "x=y; ".repeat(200));

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static <T> T pick(List<T> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    private Fragments() {
    }
}
