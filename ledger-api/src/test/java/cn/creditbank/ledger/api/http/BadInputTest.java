package cn.creditbank.ledger.api.http;

import cn.creditbank.ledger.api.support.ApiClient;
import cn.creditbank.ledger.api.support.ApiClient.Response;
import cn.creditbank.ledger.api.support.ApiNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input on every write endpoint: each answer is problem+json with the status and stable code API.md gives, never
 * a 500 or a stack trace, and nothing is recorded (the event store and the identity table are unchanged).
 */
class BadInputTest {

    private static final String JSON = "application/json";
    private static final String O = "/api/v1/learners/demo-zhangsan/outcomes";

    private static ApiNode node;
    private static ApiClient operator;

    @BeforeAll
    static void start() {
        node = ApiNode.shared();
        operator = ApiClient.client(node, "operator");
    }

    record Case(String name, String method, String path, String contentType, String body, int status, String code,
                String field) {
    }

    @Test
    void everyBadRequestIsRefusedWithItsCodeAndRecordsNothing() {
        List<Case> cases = List.of(
                new Case("malformed JSON", "POST", O, JSON, "{\"kind\": \"EXAM\",", 400, "MALFORMED_REQUEST", null),
                new Case("missing body", "POST", O, JSON, null, 400, "MALFORMED_REQUEST", null),
                new Case("not JSON at all", "POST", O, "text/plain", "score=78", 415, "UNSUPPORTED_MEDIA_TYPE", null),
                new Case("wrong type", "POST", O, JSON, exam("\"score\": \"seventy-eight\""), 400,
                        "VALIDATION_FAILED", "score"),
                new Case("unknown field", "POST", O, JSON, exam("\"scroe\": 78"), 400, "VALIDATION_FAILED",
                        "scroe"),
                new Case("unknown kind", "POST", O, JSON, exam("\"score\": 78").replace("\"EXAM\"", "\"DIPLOMA\""),
                        400, "VALIDATION_FAILED", "kind"),
                new Case("bad date", "POST", O, JSON, exam("\"score\": 78").replace("2025-03-01", "2025-02-30"), 400,
                        "VALIDATION_FAILED", "date"),
                new Case("missing field", "POST", O, JSON, exam("\"score\": 78").replace(
                        "\"externalRef\": \"bad-input\",", ""), 400, "VALIDATION_FAILED", "externalRef"),
                new Case("score out of range", "POST", O, JSON, exam("\"score\": 120"), 400, "SCORE_OUT_OF_RANGE",
                        "score"),
                new Case("unknown unit", "POST", O, JSON, exam("\"score\": 78").replace("NCRE-2-JAVA", "NO-SUCH"),
                        422, "UNKNOWN_UNIT", null),
                new Case("malformed code", "POST", O, JSON, exam("\"score\": 78").replace("NCRE-2-JAVA", "ncre 2"),
                        400, "VALIDATION_FAILED", "unitCode"),
                new Case("future date", "POST", O, JSON, exam("\"score\": 78").replace("2025-03-01", "2099-01-01"),
                        422, "DATE_IN_FUTURE", null),
                new Case("unknown learner", "POST", "/api/v1/learners/no-such-learner/outcomes", JSON,
                        exam("\"score\": 78"), 404, "UNKNOWN_LEARNER", null),
                new Case("malformed learner id", "POST", "/api/v1/learners/not%20an%20id/outcomes", JSON,
                        exam("\"score\": 78"), 400, "VALIDATION_FAILED", "learnerId"),
                new Case("too large", "POST", O, JSON, exam("\"score\": 78, \"level\": \"" + "x".repeat(300_000)
                        + "\""), 413, "PAYLOAD_TOO_LARGE", null),
                new Case("void without reason", "POST", O + "/O2/void", JSON, "{}", 400, "REASON_REQUIRED", null),
                new Case("void unknown outcome", "POST", O + "/NOPE/void", JSON, "{\"reason\": \"x\"}", 404,
                        "UNKNOWN_OUTCOME", null),
                new Case("void voided outcome", "POST", O + "/O9/void", JSON, "{\"reason\": \"again\"}", 409,
                        "OUTCOME_ALREADY_VOIDED", null),
                new Case("correct nothing", "POST", O + "/O2/correct", JSON, "{\"reason\": \"x\"}", 422,
                        "NOTHING_TO_CORRECT", null),
                new Case("correct with bad score", "POST", O + "/O2/correct", JSON,
                        "{\"score\": -1, \"reason\": \"x\"}", 400, "SCORE_OUT_OF_RANGE", "score"),
                new Case("revoke an exam", "POST", O + "/O2/revoke", JSON,
                        "{\"reason\": \"x\", \"date\": \"2026-01-01\"}", 422, "NOT_A_CERTIFICATE", null),
                new Case("revoke without date", "POST", O + "/O1/revoke", JSON, "{\"reason\": \"x\"}", 400,
                        "VALIDATION_FAILED", "date"),
                new Case("open account without name", "POST", "/api/v1/learners", JSON, "{\"nationalId\": \"1\"}",
                        400, "VALIDATION_FAILED", "displayName"),
                new Case("open account with an overlong name", "POST", "/api/v1/learners", JSON,
                        "{\"displayName\": \"" + "长".repeat(256) + "\"}", 400, "VALIDATION_FAILED", "displayName"),
                new Case("open account with the reference of another", "POST", "/api/v1/learners", JSON,
                        "{\"displayName\": \"张三\", \"externalRef\": \"zhangsan\"}", 409, "LEARNER_ALREADY_EXISTS",
                        null),
                new Case("unit without credits or hours", "PUT", "/api/v1/catalogue/units/NEW-UNIT", JSON,
                        "{\"issuer\": \"OUC\", \"kind\": \"COURSE\", \"titleZh\": \"新课程\"}", 400,
                        "VALIDATION_FAILED", null),
                new Case("unit of an unknown issuer", "PUT", "/api/v1/catalogue/units/NEW-UNIT", JSON,
                        "{\"issuer\": \"NOBODY\", \"kind\": \"COURSE\", \"titleZh\": \"新课程\", \"credits\": 2}",
                        422, "UNKNOWN_INSTITUTION", null),
                new Case("institution with a bad kind", "PUT", "/api/v1/catalogue/institutions/NEW-INST", JSON,
                        "{\"nameZh\": \"新机构\", \"kind\": \"SCHOOL\"}", 400, "VALIDATION_FAILED", "kind"),
                new Case("programme with a share over 1", "PUT", "/api/v1/catalogue/programmes/NEW-PROG", JSON,
                        "{\"institution\": \"OUC\", \"titleZh\": \"新专业\", \"award\": \"DIPLOMA\", "
                                + "\"requiredCredits\": 60, \"transferPolicy\": {\"maxShare\": 1.5, "
                                + "\"recencyYears\": 5}}", 400, "SHARE_OUT_OF_RANGE", null),
                new Case("apply without programme", "POST", "/api/v1/learners/demo-zhangsan/transfers", JSON, "{}",
                        400, "VALIDATION_FAILED", "programmeCode"),
                new Case("reject an unknown application", "POST", "/api/v1/transfers/no-such-transfer/reject", JSON,
                        "{\"reason\": \"x\"}", 403, "FORBIDDEN", null),
                new Case("wrong method", "DELETE", O, null, null, 405, "METHOD_NOT_ALLOWED", null),
                new Case("bad page size", "GET", O + "?size=501", null, null, 400, "VALIDATION_FAILED", null),
                new Case("bad asOf", "GET", "/api/v1/learners/demo-zhangsan/balance?asOf=yesterday", null, null, 400,
                        "VALIDATION_FAILED", "asOf"),
                new Case("knownAt in the future", "GET", "/api/v1/learners/demo-zhangsan/balance?knownAt="
                        + "2999-01-01T00:00:00Z", null, null, 400, "VALIDATION_FAILED", null),
                new Case("unknown programme", "GET", "/api/v1/learners/demo-zhangsan/evaluations/NO-SUCH", null, null,
                        404, "UNKNOWN_PROGRAMME", null),
                new Case("no such path", "GET", "/api/v1/learners/demo-zhangsan/nothing-here", null, null, 404,
                        "NOT_FOUND", null));
        long events = count("domain_event_entry");
        long identities = count("learner_identity");
        List<String> mismatches = new ArrayList<>();

        for (Case c : cases) {
            Response response = operator.send(c.method(), c.path(), c.contentType(), c.body());
            String field = response.status() >= 400 && response.json().has("errors")
                    ? response.json().get("errors").get(0).get("field").asString() : null;
            if (response.status() != c.status() || !c.code().equals(response.code())
                    || !response.contentType().startsWith("application/problem+json")
                    || c.field() != null && !c.field().equals(field) || response.body().contains("Exception")) {
                mismatches.add(c.name() + ": expected " + c.status() + " " + c.code() + " " + c.field() + ", got "
                        + response);
            }
        }

        assertThat(mismatches).isEmpty();
        assertThat(count("domain_event_entry")).isEqualTo(events);
        assertThat(count("learner_identity")).isEqualTo(identities);
    }

    @Test
    void problemTitlesSpeakChineseByDefaultAndEnglishWhenAsked() {
        String body = exam("\"score\": 120");

        assertThat(operator.send("POST", O, JSON, body).json().get("title").asString()).contains("成绩");
        assertThat(operator.header("Accept-Language", "en").send("POST", O, JSON, body).json().get("title")
                .asString()).isEqualTo("A score must be between 0 and 100.");
    }

    /** Requests Tomcat cannot parse never reach the application; they get the API's problem too, not Tomcat's page. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/learners/张三/balance", "/api/v1/learners/%ZZ/balance",
            "/api/v1/learners/a b/balance", "/api/v1/learners/a\tb/balance"})
    void aRequestTomcatCannotParseIsAMalformedRequestProblem(String target) throws Exception {
        long events = count("domain_event_entry");

        String answer = rawExchange("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400").contains("Content-Type: application/problem+json")
                .contains("\"code\":\"MALFORMED_REQUEST\"", "\"title\":\"请求格式不正确，无法读取。\"")
                .doesNotContain("<html", "Exception", "Tomcat");
        assertThat(count("domain_event_entry")).isEqualTo(events);
    }

    /** Writes the request's bytes as they are (UTF-8), which no HTTP client library would send, and reads the answer. */
    private static String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", node.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String exam(String extra) {
        return "{\"kind\": \"EXAM\", \"unitCode\": \"NCRE-2-JAVA\", \"issuer\": \"NEEA\", "
                + "\"externalRef\": \"bad-input\", \"date\": \"2025-03-01\", " + extra + "}";
    }

    private static long count(String table) {
        return node.jdbc().queryForObject("SELECT count(*) FROM " + table, Long.class);
    }
}
