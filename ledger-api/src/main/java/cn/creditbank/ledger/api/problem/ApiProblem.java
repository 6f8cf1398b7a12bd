package cn.creditbank.ledger.api.problem;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A refusal decided in the HTTP layer (not found, forbidden, too large…): the status, a stable code (an
 * {@link cn.creditbank.ledger.core.shared.ErrorCode} or {@link ProblemCode} name) and the detail.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldError> errors;

    public ApiProblem(HttpStatus status, Enum<?> code, String detail) {
        this(status, code, detail, List.of());
    }

    public ApiProblem(HttpStatus status, Enum<?> code, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code.name();
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, ProblemCode.FORBIDDEN, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
