package cn.creditbank.ledger.api.problem;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Builds every RFC 9457 answer of the API the same way: {@code type} names the code, {@code title} is the code's
 * user-facing text in the caller's language (zh-CN unless the request asks for English), {@code detail} says what
 * exactly was wrong, {@code code} is the stable identifier clients branch on.
 */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String TYPE_PREFIX = "urn:credit-bank:problem:";

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail problem(HttpStatusCode status, String code, String detail, List<FieldError> errors,
                                 Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(messages.getMessage(code, null, code, locale));
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public ResponseEntity<ProblemDetail> response(HttpStatusCode status, String code, String detail,
                                                  List<FieldError> errors, Locale locale) {
        return ResponseEntity.status(status).contentType(PROBLEM_JSON)
                .body(problem(status, code, detail, errors, locale));
    }
}
