package cn.creditbank.ledger.api.security;

import cn.creditbank.ledger.api.problem.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A 403 decided by the filter chain looks like every other problem of the API. */
class AuthenticationProblemsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void answersAccessDeniedAsForbiddenProblem() throws Exception {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/problems");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        AuthenticationProblems problems = new AuthenticationProblems(new Problems(messages, JSON),
                new AcceptHeaderLocaleResolver());
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/audit/events");
        request.addPreferredLocale(Locale.ENGLISH);
        MockHttpServletResponse response = new MockHttpServletResponse();

        problems.handle(request, response, new AccessDeniedException("Access Denied"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(problem.get("title").asString()).startsWith("You are not allowed");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/audit/events");
    }
}
