package io.triage.gdpr.certificate.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CanonicalJsonTests {

    @Test
    void membersAreSortedByNameWithoutWhitespace() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", 2L);
        value.put("a", List.of(true, "x"));
        value.put("c", null);

        assertThat(CanonicalJson.write(value)).isEqualTo("{\"a\":[true,\"x\"],\"b\":2,\"c\":null}");
    }

    @Test
    void stringsAreEscapedMinimally() {
        assertThat(CanonicalJson.write("q\" b\\ n\n u\u0001 é/")).isEqualTo("\"q\\\" b\\\\ n\\n u\\u0001 é/\"");
    }

    @Test
    void aDocumentWrittenAgainGivesTheSameBytesWhateverItsLayout() {
        String pretty = "{ \"z\" : [ 1 , -2 ],\n  \"a\" : { \"y\" : \"\\u00e9\\/\" , \"x\" : false } }";

        assertThat(CanonicalJson.write(CanonicalJson.parse(pretty)))
                .isEqualTo("{\"a\":{\"x\":false,\"y\":\"é/\"},\"z\":[1,-2]}");
    }

    @Test
    void malformedOrNonIntegerDocumentsAreRefused() {
        for (String bad : Arrays.asList("{\"a\":1.5}", "{\"a\":1e3}", "{\"a\":01}", "{\"a\":1,}", "{\"a\":1} x",
                "{\"a\":1,\"a\":2}", "{a:1}", "[1 2]", "\"open", "{\"a\":tru}")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> CanonicalJson.parse(bad));
        }
    }
}
