package io.triage.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a ProblemDetail straight to the servlet response, for failures detected in filters (authentication,
 * authorisation, body size) before any controller or {@code @ControllerAdvice} runs.
 */
public final class ProblemResponses {

    private final JsonMapper json;
    private final TraceIds traceIds;

    public ProblemResponses(JsonMapper json, TraceIds traceIds) {
        this.json = json;
        this.traceIds = traceIds;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        String traceId = traceIds.current();
        if (traceId != null) {
            body.put("traceId", traceId);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "ApiKey header=\"X-API-Key\"");
        }
        json.writeValue(response.getOutputStream(), body);
    }
}
