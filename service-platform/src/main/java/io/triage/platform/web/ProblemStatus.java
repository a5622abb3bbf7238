package io.triage.platform.web;

import io.triage.platform.problem.ConflictException;
import io.triage.platform.problem.InternalFailureException;
import io.triage.platform.problem.InvalidInputException;
import io.triage.platform.problem.NotFoundException;
import io.triage.platform.problem.ProblemException;
import io.triage.platform.problem.TooLargeException;
import io.triage.platform.problem.UnauthenticatedException;
import io.triage.platform.problem.UnavailableException;
import io.triage.platform.problem.UnusableInputException;
import org.springframework.http.HttpStatus;

/** The one place that knows which HTTP status each kind of {@link ProblemException} is answered with. */
public final class ProblemStatus {

    private ProblemStatus() {
    }

    public static HttpStatus of(ProblemException problem) {
        return switch (problem) {
            case InvalidInputException _ -> HttpStatus.BAD_REQUEST;
            case UnauthenticatedException _ -> HttpStatus.UNAUTHORIZED;
            case NotFoundException _ -> HttpStatus.NOT_FOUND;
            case ConflictException _ -> HttpStatus.CONFLICT;
            case TooLargeException _ -> HttpStatus.CONTENT_TOO_LARGE;
            case UnusableInputException _ -> HttpStatus.UNPROCESSABLE_CONTENT;
            case InternalFailureException _ -> HttpStatus.INTERNAL_SERVER_ERROR;
            case UnavailableException _ -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
