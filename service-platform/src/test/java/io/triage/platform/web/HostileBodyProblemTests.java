package io.triage.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.databind.json.JsonMapper;

/** Bodies the fuzz pass (issue 19) found answered with 500 are answered with a 4xx ProblemDetail. */
class HostileBodyProblemTests {

    record Ticket(String subject, List<String> tags) {
    }

    @RestController
    static class TicketController {
        @PostMapping("/tickets")
        String accept(@RequestBody Ticket ticket) {
            return ticket.subject();
        }

        @PostMapping(path = "/drafts", consumes = "application/yaml")
        String draft(@RequestBody String yaml) {
            return yaml;
        }

        @PostMapping("/uploads")
        String upload() {
            throw new MultipartException("the request was rejected because no multipart boundary was found");
        }
    }

    private final TraceIds traceIds = new TraceIds(new DefaultListableBeanFactory().getBeanProvider(Tracer.class));
    private final JsonMapper json = JsonMapper.builder().addModule(new NulFreeText()).build();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new TicketController())
            .setControllerAdvice(new ProblemDetailsAdvice(traceIds), new NulFreeBodies())
            .setMessageConverters(new StringHttpMessageConverter(StandardCharsets.UTF_8),
                    new JacksonJsonHttpMessageConverter(json))
            .addFilters(new ContentTypeFilter(new ProblemResponses(json, traceIds)))
            .build();

    private String send(String path, String contentType, String body, int status) throws Exception {
        return mvc.perform(post(path).contentType(contentType).content(body))
                .andExpect(status().is(status))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aNulCharacterInAStringIs400NamingTheField() throws Exception {
        String problem = send("/tickets", "application/json", "{\"subject\": \"a\\u0000b\", \"tags\": []}", 400);

        assertThat(problem).contains("\"field\":\"subject\"").contains("Invalid value for 'subject'");
    }

    @Test
    void aNulCharacterInAListElementNamesItsPosition() throws Exception {
        String problem = send("/tickets", "application/json", "{\"subject\": \"a\", \"tags\": [\"x\", \"\\u0000\"]}",
                400);

        assertThat(problem).contains("\"field\":\"tags.1\"");
    }

    @Test
    void theNulCharacterIsNotEchoed() throws Exception {
        String problem = send("/tickets", "application/json", "{\"subject\": \"sk-SECRET\\u0000\", \"tags\": []}",
                400);

        assertThat(problem).doesNotContain("SECRET").contains("contains a NUL character");
    }

    @Test
    void aTextBodyWithANulCharacterIs400NamingTheBody() throws Exception {
        String problem = send("/drafts", "application/yaml", "rules: []\u0000", 400);

        assertThat(problem).contains("\"field\":\"body\"").contains("NUL character");
    }

    @Test
    void otherOddUnicodeIsAccepted() throws Exception {
        String subject = send("/tickets", "application/json",
                "{\"subject\": \"\\u202eevil \\ud83d\\ude00 e\\u0301\", \"tags\": [\"\\u2028\"]}", 200);

        assertThat(subject).isEqualTo("\u202eevil \ud83d\ude00 e\u0301");
    }

    @Test
    void aWildcardOrUnreadableContentTypeIs415ProblemDetail() throws Exception {
        for (String type : List.of("*/*", "application/*", "garbage", "application/json; charset=\"")) {
            String problem = mvc.perform(post("/tickets").header("Content-Type", type).content("{}"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andReturn().getResponse().getContentAsString();
            assertThat(problem).as(type).contains("\"status\":415").contains("concrete media type");
        }
    }

    @Test
    void aConcreteContentTypePasses() throws Exception {
        send("/tickets", MediaType.APPLICATION_JSON_VALUE + "; charset=UTF-8", "{\"subject\": \"a\", \"tags\": []}",
                200);
    }

    @Test
    void anUnsplittableMultipartBodyIs400() throws Exception {
        String problem = send("/uploads", "multipart/form-data; boundary=x", "", 400);

        assertThat(problem).contains("Malformed multipart body");
    }
}
