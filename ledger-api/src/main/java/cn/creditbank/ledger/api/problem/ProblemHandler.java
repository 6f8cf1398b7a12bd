package cn.creditbank.ledger.api.problem;

import cn.creditbank.ledger.api.web.RequestBodyTooLarge;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one place where failures become RFC 9457 answers. Domain refusals keep their {@link ErrorCode}; framework
 * failures get a {@link ProblemCode}. Nothing reaches the client as a stack trace or a 500 for bad input; an
 * unexpected failure is logged here and answered as INTERNAL_ERROR without internals.
 */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    private final Problems problems;

    ProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> refused(DomainException refusal, Locale locale) {
        return domainProblem(refusal, refusal.field().map(field -> List.of(new FieldError(field,
                refusal.getMessage()))).orElse(List.of()), locale);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem, Locale locale) {
        return problems.response(problem.status(), problem.code(), problem.getMessage(), problem.errors(), locale);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> conflict(ConcurrencyException conflict, Locale locale) {
        return problems.response(HttpStatus.CONFLICT, ErrorCode.CONCURRENT_MODIFICATION.name(),
                "another change to the same account won every retry; send the request again", List.of(), locale);
    }

    /** Unreadable bodies: syntax errors, wrong types, unknown fields, and refusals thrown while building values. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable, Locale locale) {
        RequestBodyTooLarge tooLarge = Causes.find(unreadable, RequestBodyTooLarge.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge, locale);
        }
        DomainException refusal = Causes.find(unreadable, DomainException.class);
        JacksonException json = Causes.find(unreadable, JacksonException.class);
        String field = json == null ? null : path(json);
        if (refusal != null) {
            String named = field != null && !"$".equals(field) ? field : refusal.field().orElse(null);
            return domainProblem(refusal, named == null ? List.of() : List.of(new FieldError(named,
                    refusal.getMessage())), locale);
        }
        if (json == null || json instanceof StreamReadException) {
            String detail = json == null ? "the request body is missing or unreadable"
                    : "the request body is not valid JSON: " + json.getOriginalMessage();
            return problems.response(HttpStatus.BAD_REQUEST, ProblemCode.MALFORMED_REQUEST.name(), detail, List.of(),
                    locale);
        }
        String message = json instanceof UnrecognizedPropertyException ? "unknown field"
                : "has the wrong type or shape";
        return problems.response(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED.name(),
                "field '" + field + "' " + message, List.of(new FieldError(field, message)), locale);
    }

    @ExceptionHandler(RequestBodyTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestBodyTooLarge tooLarge, Locale locale) {
        return problems.response(HttpStatus.PAYLOAD_TOO_LARGE, ProblemCode.PAYLOAD_TOO_LARGE.name(),
                tooLarge.getMessage(), List.of(), locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException mismatch, Locale locale) {
        DomainException refusal = Causes.find(mismatch, DomainException.class);
        String message = refusal != null ? refusal.getMessage() : "'" + mismatch.getValue() + "' is not a valid value";
        return problems.response(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED.name(),
                mismatch.getName() + ": " + message, List.of(new FieldError(mismatch.getName(), message)), locale);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException missing, Locale locale) {
        return problems.response(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED.name(),
                "parameter '" + missing.getParameterName() + "' is required",
                List.of(new FieldError(missing.getParameterName(), "is required")), locale);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException missing, Locale locale) {
        return problems.response(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED.name(),
                "header '" + missing.getHeaderName() + "' is required", List.of(), locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException unsupported, Locale locale) {
        return problems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemCode.UNSUPPORTED_MEDIA_TYPE.name(),
                "content type " + unsupported.getContentType() + " is not accepted here; use one of "
                        + unsupported.getSupportedMediaTypes(), List.of(), locale);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException notAcceptable, Locale locale) {
        return problems.response(HttpStatus.NOT_ACCEPTABLE, ProblemCode.NOT_ACCEPTABLE.name(),
                "this resource is available as " + notAcceptable.getSupportedMediaTypes(), List.of(), locale);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException method, Locale locale) {
        ResponseEntity<ProblemDetail> answer = problems.response(HttpStatus.METHOD_NOT_ALLOWED,
                ProblemCode.METHOD_NOT_ALLOWED.name(), method.getMethod() + " is not allowed here", List.of(), locale);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.ALLOW, method.getSupportedHttpMethods() == null ? ""
                        : method.getSupportedHttpMethods().stream().map(Object::toString)
                        .collect(Collectors.joining(", ")))
                .body(answer.getBody());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException missing, Locale locale) {
        return problems.response(HttpStatus.NOT_FOUND, ProblemCode.NOT_FOUND.name(),
                "no resource at /" + missing.getResourcePath(), List.of(), locale);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, HttpServletRequest request, Locale locale) {
        DomainException refusal = Causes.find(failure, DomainException.class);
        if (refusal != null) { // a refusal wrapped by the framework on its way out of a handler
            return refused(refusal, locale);
        }
        RequestBodyTooLarge tooLarge = Causes.find(failure, RequestBodyTooLarge.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge, locale);
        }
        if (failure instanceof org.springframework.web.ErrorResponse framework) {
            HttpStatusCode status = framework.getStatusCode();
            return problems.response(status, ProblemCode.ofStatusClass(status.value()).name(),
                    framework.getBody().getDetail(), List.of(), locale);
        }
        LOG.error("Unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), failure);
        return problems.response(HttpStatus.INTERNAL_SERVER_ERROR, ProblemCode.INTERNAL_ERROR.name(),
                "the ledger could not answer this request; nothing was recorded by it", List.of(), locale);
    }

    private ResponseEntity<ProblemDetail> domainProblem(DomainException refusal, List<FieldError> errors,
                                                        Locale locale) {
        return problems.response(ErrorStatus.of(refusal.code()), refusal.code().name(), refusal.getMessage(), errors,
                locale);
    }

    private static String path(JacksonException json) {
        String path = json.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "$" : path;
    }
}
