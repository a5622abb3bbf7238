package io.triage.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses a JSON string containing U+0000 wherever a body binds one: Postgres {@code text} cannot store it, so it
 * used to pass validation and fail the insert with 500 (found by the fuzz pass, issue 19). The binding failure names
 * the field and {@link ProblemDetailsAdvice} answers 400, before anything is stored. Registered on the service's
 * {@code JsonMapper}, so it covers request bodies and every other value that mapper reads.
 */
public final class NulFreeText extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public NulFreeText() {
        super("nul-free-text");
        addDeserializer(String.class, new NulFreeStringDeserializer());
    }

    /** A string with U+0000; its message leaves the value out, as it could carry a secret (issue 19, item 9). */
    public static final class NulCharacterException extends InvalidFormatException {

        private static final long serialVersionUID = 1L;

        NulCharacterException(JsonParser parser, String value) {
            super(parser, "contains a NUL character (U+0000)", value, String.class);
        }
    }

    /** Jackson's own string reading, then the check. */
    static final class NulFreeStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new NulCharacterException(parser, value);
            }
            return value;
        }
    }
}
