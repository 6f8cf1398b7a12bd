package cn.creditbank.ledger.api.audit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.async.StandardServletAsyncWebRequest;
import org.springframework.web.context.request.async.WebAsyncManager;
import org.springframework.web.context.request.async.WebAsyncUtils;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export's request gets its own async timeout, replacing the application's (or the container's 30 s) when its
 * streaming starts, so a long export is not cut off; a long export itself would take too long for a test.
 */
class ExportTimeoutTest {

    @Test
    void theExportsAsyncProcessingStartsWithTheLongerTimeout() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/audit/events");
        request.setAsyncSupported(true);
        StandardServletAsyncWebRequest async = new StandardServletAsyncWebRequest(request,
                new MockHttpServletResponse());
        async.setTimeout(30_000L); // what Spring MVC sets from spring.mvc.async.request-timeout before the handler
        WebAsyncManager manager = WebAsyncUtils.getAsyncManager(request);
        manager.setAsyncWebRequest(async);

        ExportTimeout.extend(request, Duration.ofHours(1));
        manager.startCallableProcessing(() -> null);

        assertThat(request.getAsyncContext().getTimeout()).isEqualTo(Duration.ofHours(1).toMillis());
    }
}
