package cn.creditbank.ledger.api.security;

import cn.creditbank.ledger.api.problem.ProblemCode;
import cn.creditbank.ledger.api.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;

/**
 * Answers a refused request before it reaches a controller the way {@link Problems} answers every other failure:
 * RFC 9457 problem+json with code {@code UNAUTHENTICATED} (401, with the RFC 6750 {@code WWW-Authenticate: Bearer}
 * challenge) or {@code FORBIDDEN} (403). If the token cannot be checked at all (an external issuer is unreachable),
 * the answer is 503: the token may well be good, so 401 would wrongly tell the client to discard it.
 */
final class AuthenticationProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final Problems problems;
    private final LocaleResolver locales;

    AuthenticationProblems(Problems problems, LocaleResolver locales) {
        this.problems = problems;
        this.locales = locales;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof AuthenticationServiceException) {
            write(request, response, HttpStatus.SERVICE_UNAVAILABLE, ProblemCode.ISSUER_UNAVAILABLE,
                    "the access token cannot be verified right now; try again shortly");
            return;
        }
        challenge.commence(request, response, failure); // status and WWW-Authenticate, with error="invalid_token"
        String detail = failure instanceof OAuth2AuthenticationException invalid
                ? "the bearer token is not valid: " + invalid.getMessage()
                : "this request needs a bearer access token (Authorization: Bearer …)";
        write(request, response, HttpStatus.UNAUTHORIZED, ProblemCode.UNAUTHENTICATED, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, ProblemCode.FORBIDDEN,
                "the roles of this token do not allow this request");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, ProblemCode code,
                       String detail) throws IOException {
        problems.write(request, response, status, code, detail, locales.resolveLocale(request));
    }
}
