package cn.creditbank.ledger.api.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's last word on a failed request that nothing else answered, as problem+json instead of Tomcat's HTML page.
 * Chiefly a request Tomcat cannot parse and never hands to the application: a path with raw non-ASCII bytes, a space
 * or a broken percent-escape, a header it refuses. Like Tomcat's own valve, it writes only when the response is an
 * error with no body yet, and never anything about the server or the failure's stack.
 */
final class ProblemReportValve extends ErrorReportValve {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemReportValve.class);

    private final ObjectProvider<Problems> problems;
    private final ObjectProvider<LocaleResolver> locales;

    ProblemReportValve(ObjectProvider<Problems> problems, ObjectProvider<LocaleResolver> locales) {
        this.problems = problems;
        this.locales = locales;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        ProblemCode code = codeOf(status);
        try {
            response.resetBuffer();
            problems.getObject().write(request, response, HttpStatusCode.valueOf(status), code, detailOf(code),
                    locales.getObject().resolveLocale(request));
        } catch (IOException | RuntimeException failed) {
            LOG.debug("The {} answer to a request Tomcat refused could not be written", status, failed);
        }
    }

    private static ProblemCode codeOf(int status) {
        return switch (status) {
            case 401 -> ProblemCode.UNAUTHENTICATED;
            case 403 -> ProblemCode.FORBIDDEN;
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCode.NOT_ACCEPTABLE;
            case 413 -> ProblemCode.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemCode.ofStatusClass(status);
        };
    }

    private static String detailOf(ProblemCode code) {
        return switch (code) {
            case MALFORMED_REQUEST -> "the request is not valid HTTP: a path or query must be percent-encoded UTF-8,"
                    + " and the request line and headers well formed";
            case INTERNAL_ERROR -> "the request could not be completed; nothing was recorded by it";
            default -> "the request was refused before it reached the ledger";
        };
    }
}
