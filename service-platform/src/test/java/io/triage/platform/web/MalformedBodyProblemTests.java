package io.triage.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A malformed body is answered with its position and field, never with its content (issue 19, item 9). */
class MalformedBodyProblemTests {

    private static final String MARKER = "sk-SECRET-MARKER-4711";

    record Payload(String name, int count, Instant at) {
    }

    @RestController
    static class PayloadController {
        @PostMapping("/payloads")
        String accept(@RequestBody Payload payload) {
            return payload.name();
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new PayloadController())
            .setControllerAdvice(new ProblemDetailsAdvice(
                    new TraceIds(new DefaultListableBeanFactory().getBeanProvider(Tracer.class))))
            .build();

    private String post400(String body) throws Exception {
        return mvc.perform(post("/payloads").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aSyntaxErrorNamesLineAndColumnButNotTheOffendingToken() throws Exception {
        // Jackson quotes a bare word starting like true/false/null whole: "Unrecognized token 'trueSECRET…'".
        String problem = post400("{\"name\": \"x\",\n \"count\": true" + MARKER.replace("-", "") + "}");

        assertThat(problem).doesNotContain(MARKER).doesNotContain("SECRET").contains("line 2, column");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheFieldButNotTheValue() throws Exception {
        String problem = post400("{\"name\": \"x\", \"count\": \"" + MARKER + "\"}");

        assertThat(problem).doesNotContain(MARKER).doesNotContain("SECRET").contains("\"field\":\"count\"")
                .contains("line 1, column");
    }

    @Test
    void anUnparsableTimestampNamesTheFieldButNotTheValue() throws Exception {
        String problem = post400("{\"name\": \"x\", \"count\": 1, \"at\": \"" + MARKER + "\"}");

        assertThat(problem).doesNotContain(MARKER).doesNotContain("SECRET").contains("\"field\":\"at\"");
    }
}
