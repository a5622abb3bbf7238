package io.triage.platform.web;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import io.triage.platform.problem.ProblemException;
import io.triage.platform.problem.UnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into an RFC 9457 ProblemDetail carrying the trace id. Validation errors name their fields;
 * unexpected failures are logged with their stack trace and answered without internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final TraceIds traceIds;

    public ProblemDetailsAdvice(TraceIds traceIds) {
        this.traceIds = traceIds;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problemException(ProblemException problem, WebRequest request) {
        HttpStatus status = ProblemStatus.of(problem);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, problem.getMessage());
        body.setTitle(problem.title());
        problem.properties().forEach(body::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (problem instanceof UnavailableException unavailable && unavailable.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, unavailable.retryAfter().toSeconds())));
        }
        return createResponseEntity(body, headers, status, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e, WebRequest request) {
        return problem(HttpStatus.FORBIDDEN, "The caller's role does not allow this operation", request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e, WebRequest request) {
        return problem(HttpStatus.UNAUTHORIZED, "Valid credentials are required", request);
    }

    /**
     * A multipart body that cannot be split (no boundary, truncated): the client's fault. Too large a multipart
     * body stays {@code ResponseEntityExceptionHandler}'s 413.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableMultipart(MultipartException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed multipart body", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("Unhandled failure on {}", request.getDescription(false), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; quote the traceId", request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> Map.of(
                        "field", error instanceof FieldError f ? f.getField() : error.getObjectName(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        return invalid(errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", error instanceof FieldError f ? f.getField()
                                : String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", messageOf(error))))
                .toList();
        return invalid(errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable tooLarge = findCause(ex, RequestSizeLimitFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, String.valueOf(tooLarge.getMessage()), request);
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(ex));
        body.setTitle("Malformed request body");
        DatabindException databind = findCause(ex, DatabindException.class);
        if (databind != null && !databind.getPath().isEmpty()) {
            body.setProperty("field", fieldOf(databind));
        }
        return createResponseEntity(body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // The value itself stays out: a query or path parameter can carry a secret as well as a body can.
        Class<?> required = ex.getRequiredType();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid value for '"
                + ex.getPropertyName() + "'" + (required == null ? "" : " (expected " + required.getSimpleName() + ")"));
        body.setTitle("Invalid request");
        body.setProperty("field", ex.getPropertyName());
        return createResponseEntity(body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            String traceId = traceIds.current();
            if (traceId != null) {
                problem.setProperty("traceId", traceId);
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> invalid(List<Map<String, String>> errors, HttpHeaders headers,
            WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid " + errors.stream().map(e -> e.get("field")).distinct().toList());
        body.setTitle("Invalid request");
        body.setProperty("errors", errors);
        return createResponseEntity(body, headers, HttpStatus.BAD_REQUEST, request);
    }

    private ResponseEntity<Object> problem(HttpStatus status, String detail, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        return createResponseEntity(body, new HttpHeaders(), status, request);
    }

    /**
     * Where the body is malformed and, for a value of the wrong type, which field and type were expected; never the
     * parser's own message, which quotes the offending content (a token, a value), and so can echo a secret or
     * personal data into the response and the logs.
     */
    private static String describe(HttpMessageNotReadableException ex) {
        JacksonException jackson = findCause(ex, JacksonException.class);
        if (jackson == null) {
            return "Request body is missing or not readable";
        }
        String what = "Malformed JSON";
        MismatchedInputException mismatch = findCause(ex, MismatchedInputException.class);
        if (mismatch instanceof NulFreeText.NulCharacterException nul) {
            what = "Invalid value for '" + fieldOf(nul) + "': " + nul.getOriginalMessage();
        } else if (mismatch instanceof UnrecognizedPropertyException unknown) {
            what = "Unknown field '" + fieldOf(unknown) + "'";
        } else if (mismatch != null && !mismatch.getPath().isEmpty()) {
            Class<?> target = mismatch.getTargetType();
            what = "Invalid value for '" + fieldOf(mismatch) + "'"
                    + (target == null ? "" : " (expected " + target.getSimpleName() + ")");
        } else if (jackson instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            what = "Invalid value for '" + fieldOf(databind) + "'";
        }
        var location = jackson.getLocation();
        return location == null || location.getLineNr() < 1 ? what
                : what + " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * The JSON path of the failing value, e.g. {@code items.0.name}: from the path's references, as Jackson's own
     * path text puts the container types between them ({@code ["items"]->java.util.ArrayList[0]}).
     */
    private static String fieldOf(DatabindException databind) {
        StringJoiner path = new StringJoiner(".");
        for (JacksonException.Reference reference : databind.getPath()) {
            path.add(reference.getPropertyName() != null ? reference.getPropertyName()
                    : Integer.toString(reference.getIndex()));
        }
        return path.toString();
    }

    private static String messageOf(Object error) {
        return error instanceof DefaultMessageSourceResolvable r ? String.valueOf(r.getDefaultMessage())
                : String.valueOf(error);
    }

    private static <T extends Throwable> @Nullable T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
