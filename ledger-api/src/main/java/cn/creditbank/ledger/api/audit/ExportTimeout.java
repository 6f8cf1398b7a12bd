package cn.creditbank.ledger.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.AsyncWebRequest;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;
import org.springframework.web.context.request.async.WebAsyncUtils;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * A longer async timeout for one streamed answer. A {@code StreamingResponseBody} runs as async request processing,
 * and the servlet container ends that after its default timeout (Tomcat: 30 s), which would cut a large export off
 * in the middle. Raising the timeout for the whole application would also keep stuck requests of every other
 * endpoint; so only the export's own request gets the longer one, set just before its async processing starts.
 */
final class ExportTimeout {

    private ExportTimeout() {
    }

    static void extend(HttpServletRequest request, Duration timeout) {
        WebAsyncUtils.getAsyncManager(request).registerCallableInterceptor(ExportTimeout.class,
                new CallableProcessingInterceptor() {
                    @Override
                    public <T> void beforeConcurrentHandling(NativeWebRequest asyncRequest, Callable<T> task) {
                        if (asyncRequest instanceof AsyncWebRequest async) {
                            async.setTimeout(timeout.toMillis());
                        }
                    }
                });
    }
}
