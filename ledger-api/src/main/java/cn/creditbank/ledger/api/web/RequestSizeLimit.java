package cn.creditbank.ledger.api.web;

import cn.creditbank.ledger.api.problem.ProblemCode;
import cn.creditbank.ledger.api.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;

/**
 * Bounds what a request may send: {@code ledger.api.max-body-bytes} for ordinary requests and
 * {@code ledger.api.max-batch-bytes} for the batch import. A declared length over the bound is refused at once; a body
 * that streams past it (chunked) is cut off as it reads. Either way: 413 PAYLOAD_TOO_LARGE and nothing recorded.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    private static final String BATCH_PATH = "/api/v1/outcomes:batch";

    private final long maxBody;
    private final long maxBatch;
    private final Problems problems;
    private final LocaleResolver locales;

    RequestSizeLimit(@Value("${ledger.api.max-body-bytes:262144}") long maxBody,
                     @Value("${ledger.api.max-batch-bytes:16777216}") long maxBatch, Problems problems,
                     LocaleResolver localeResolver) {
        this.maxBody = maxBody;
        this.maxBatch = maxBatch;
        this.problems = problems;
        this.locales = localeResolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = BATCH_PATH.equals(request.getRequestURI()) ? maxBatch : maxBody;
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, limit);
            return;
        }
        try {
            chain.doFilter(new Bounded(request, limit), response);
        } catch (RequestBodyTooLarge tooLarge) { // read outside Spring MVC's converters (which hand it on)
            if (!response.isCommitted()) {
                response.resetBuffer();
                refuse(request, response, limit);
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close"); // the rest of the body is not read
        problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, ProblemCode.PAYLOAD_TOO_LARGE,
                "the request body is larger than " + limit + " bytes", locales.resolveLocale(request));
    }

    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestBodyTooLarge {
            read += n;
            if (read > limit) {
                throw new RequestBodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
