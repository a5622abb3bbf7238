package io.triage.gdpr.certificate.verifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON as RFC 8785 (JCS) writes the values a certificate holds (objects, arrays, strings, integers,
 * booleans, null): members sorted by name, no whitespace, minimal string escapes. A parsed document written again
 * gives the same bytes whatever whitespace or member order it was sent with, so a signature over those bytes checks
 * the content, not its layout. JDK only (no annotations either): the standalone {@link CertificateVerifier} uses it.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The canonical text of a {@code Map<String, ?>}, {@code List<?>}, String, integer, Boolean or null. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    /**
     * Parses strict JSON whose numbers are integers: objects become maps (duplicate names refused), arrays lists,
     * numbers Longs.
     *
     * @throws IllegalArgumentException on malformed input, a fraction or exponent, or trailing text
     */
    public static Object parse(String text) {
        Parser parser = new Parser(text);
        Object value = parser.value();
        parser.whitespace();
        if (parser.at < text.length()) {
            throw new IllegalArgumentException("trailing text at " + parser.at);
        }
        return value;
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Short) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((name, member) -> sorted.put((String) name, member));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> member : sorted.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(out, member.getKey());
                out.append(':');
                append(out, member.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                append(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a canonical JSON value: " + value.getClass().getName());
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A recursive-descent reader of one JSON value. */
    private static final class Parser {

        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Object value() {
            whitespace();
            if (at >= text.length()) {
                throw error("a value");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> members = new LinkedHashMap<>();
            at++;
            whitespace();
            if (peek('}')) {
                at++;
                return members;
            }
            while (true) {
                whitespace();
                if (!peek('"')) {
                    throw error("a member name");
                }
                String name = string();
                whitespace();
                expect(':');
                if (members.containsKey(name)) {
                    throw new IllegalArgumentException("duplicate member " + name);
                }
                members.put(name, value());
                whitespace();
                if (peek(',')) {
                    at++;
                } else {
                    expect('}');
                    return members;
                }
            }
        }

        private List<Object> array() {
            List<Object> items = new ArrayList<>();
            at++;
            whitespace();
            if (peek(']')) {
                at++;
                return items;
            }
            while (true) {
                items.add(value());
                whitespace();
                if (peek(',')) {
                    at++;
                } else {
                    expect(']');
                    return items;
                }
            }
        }

        private String string() {
            at++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw error("the end of a string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw error("no control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    throw error("an escape");
                }
                char escape = text.charAt(at++);
                switch (escape) {
                    case '"', '\\', '/' -> out.append(escape);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("four hex digits");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error("four hex digits");
                        }
                        at += 4;
                    }
                    default -> throw error("a valid escape");
                }
            }
        }

        private Long number() {
            int start = at;
            if (peek('-')) {
                at++;
            }
            int digits = at;
            while (at < text.length() && Character.isDigit(text.charAt(at)) && text.charAt(at) < 0x80) {
                at++;
            }
            if (at == digits || (text.charAt(digits) == '0' && at - digits > 1)) {
                throw error("an integer");
            }
            if (at < text.length() && (peek('.') || peek('e') || peek('E'))) {
                throw error("an integer (no fraction or exponent)");
            }
            try {
                return Long.parseLong(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw error("an integer within 64 bits");
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error(word);
            }
            at += word.length();
            return value;
        }

        void whitespace() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("'" + c + "'");
            }
            at++;
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("malformed JSON: expected " + expected + " at " + at);
        }
    }
}
