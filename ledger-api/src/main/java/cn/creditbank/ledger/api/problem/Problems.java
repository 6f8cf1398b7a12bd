package cn.creditbank.ledger.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    private final JsonMapper json;

    public Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
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

    /**
     * Answers with a problem outside Spring MVC (a filter, the security chain, Tomcat's own error report), as the
     * same JSON a controller's problem is written as: its properties ({@code code}) in the object itself, and the
     * request's path as {@code instance} when there is one.
     */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status,
                      ProblemCode code, String detail, Locale locale) throws IOException {
        ProblemDetail problem = problem(status, code.name(), detail, List.of(), locale);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (request.getRequestURI() != null) {
            body.put("instance", request.getRequestURI());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
