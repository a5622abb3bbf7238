package io.triage.platform.web;

import java.lang.reflect.Type;

import io.triage.platform.problem.InvalidInputException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a text body ({@code @RequestBody String}: YAML drafts, CSV uploads) containing U+0000 with 400 naming the
 * body: Postgres {@code text} cannot store it, and a draft is saved even while invalid, so it failed the insert
 * with 500 (found by the fuzz pass, issue 19). JSON bodies get the same check per field from {@link NulFreeText}.
 */
@ControllerAdvice
public class NulFreeBodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType == String.class;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        if (body instanceof String text && text.indexOf('\u0000') >= 0) {
            throw new InvalidInputException("body", "the body contains a NUL character (U+0000), which no text "
                    + "may hold");
        }
        return body;
    }
}
