package cn.creditbank.ledger.api.audit;

import cn.creditbank.ledger.api.support.ApiClient;
import cn.creditbank.ledger.api.support.ApiClient.Response;
import cn.creditbank.ledger.api.support.ApiNode;
import cn.creditbank.ledger.projections.eventstore.ProjectionPositions;
import cn.creditbank.ledger.projections.eventstore.ProjectionProcessors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/audit/replays} over HTTP with real tokens, and the promise it audits: an answer asked again
 * with the {@code knownAt} it echoed is the same, byte for byte, however many events were recorded since.
 */
class ReplayOverHttpTest {

    private static final String ZHANGSAN = "/api/v1/learners/demo-zhangsan";
    private static final String REPLAYS = "/api/v1/audit/replays";

    private static ApiNode node;
    private static ApiClient regulator;
    private static ApiClient operator;

    @BeforeAll
    static void start() {
        node = ApiNode.withDemoData(); // of its own: this test changes 张三
        regulator = ApiClient.client(node, "regulator");
        operator = ApiClient.client(node, "operator");
        // the demo data is loaded at start-up; an answer "known at T1" must be asked once it is in the read models
        ProjectionPositions positions = node.bean(ProjectionPositions.class);
        long head = positions.head();
        ProjectionProcessors.STREAMING_PROJECTIONS.forEach(projection ->
                assertThat(positions.awaitPosition(projection, head, Duration.ofSeconds(30))).isTrue());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void eachProjectionReplaysToTheLiveModelForTheRegulatorAndTheOperator() {
        for (String projection : List.of("outcome-history", "transfers")) {
            JsonNode result = ok(regulator.post(REPLAYS, Map.of("projection", projection)));

            assertThat(result.get("projection").asString()).isEqualTo(projection);
            assertThat(result.get("matches").asBoolean()).as(result.toString()).isTrue();
            assertThat(result.get("events").asLong()).isPositive();
            assertThat(result.get("liveChecksum").asString()).hasSize(32)
                    .isEqualTo(result.get("replayChecksum").asString());
            assertThat(result.get("differences").isEmpty()).isTrue();
            assertThat(result.has("knownAt")).isFalse();
        }
        assertThat(ok(operator.post(REPLAYS, Map.of("projection", "transfers"))).get("matches").asBoolean()).isTrue();
    }

    @Test
    void learnersAndInstitutionsMayNotReplay() {
        Map<String, String> body = Map.of("projection", "outcome-history");

        assertThat(ApiClient.learner(node, "zhangsan").post(REPLAYS, body).status()).isEqualTo(403);
        assertThat(ApiClient.client(node, "ouc").post(REPLAYS, body).status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(node).post(REPLAYS, body).status()).isEqualTo(401);
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        assertProblem(regulator.post(REPLAYS, Map.of("projection", "balances")), "projection");
        assertProblem(regulator.post(REPLAYS, Map.of()), "projection");
        assertProblem(regulator.post(REPLAYS, Map.of("projection", "transfers",
                "knownAt", Instant.now().plusSeconds(3600).toString())), "knownAt");
        assertProblem(regulator.post(REPLAYS, Map.of("projection", "transfers", "knownAt", "yesterday")), "knownAt");
        assertProblem(regulator.post(REPLAYS, Map.of("projection", "transfers", "knownat", "2026-11-01T00:00:00Z")),
                "knownat");
    }

    @Test
    void answersAtAnEchoedKnownAtStayTheSameByteForByteAfterLaterEvents() {
        String asOf = "?asOf=2026-11-01";
        List<String> paths = List.of(ZHANGSAN + "/balance" + asOf, ZHANGSAN + "/evaluations/OUC-SE-DIP" + asOf,
                ZHANGSAN + "/grades/AI-TRAINER" + asOf);
        Map<String, Response> then = new LinkedHashMap<>();
        paths.forEach(path -> then.put(path, okResponse(regulator.get(path))));
        String t1 = then.get(paths.get(0)).json().get("knownAt").asString();

        Response recorded = ApiClient.client(node, "csia").post(ZHANGSAN + "/outcomes", Map.of("kind", "CERTIFICATE",
                "unitCode", "CSTP-DB", "issuer", "CSIA", "externalRef", "CSIA-replay-test-1", "date", "2026-03-01",
                "level", "中级", "certificateNo", "CSTP-D-2026-030101"));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        okResponse(operator.post(ZHANGSAN + "/outcomes/O5/void", Map.of("reason", "录入错误")));
        Response revoked = okResponse(operator.post(ZHANGSAN + "/outcomes/O4/revoke",
                Map.of("reason", "证书被发证机构撤销", "date", "2026-10-01")));
        ApiClient caughtUp = regulator.header("Min-Ledger-Position", revoked.header("Ledger-Position"));

        for (String path : paths) {
            Response first = then.get(path);
            String knownAt = first.json().get("knownAt").asString();
            Response again = okResponse(caughtUp.get(path + "&knownAt=" + knownAt));
            Response now = okResponse(caughtUp.get(path));

            assertThat(again.body()).as(path).isEqualTo(first.body());
            assertThat(withoutKnownAt(now)).as(path).isNotEqualTo(withoutKnownAt(first));
        }
        // and the read models behind those answers replay to themselves, at T1 and now
        for (String projection : List.of("outcome-history", "transfers")) {
            JsonNode atT1 = ok(regulator.post(REPLAYS, Map.of("projection", projection, "knownAt", t1)));
            assertThat(atT1.get("matches").asBoolean()).as(atT1.toString()).isTrue();
            assertThat(atT1.get("knownAt").asString()).isEqualTo(t1);
            JsonNode full = ok(regulator.post(REPLAYS, Map.of("projection", projection)));
            assertThat(full.get("matches").asBoolean()).as(full.toString()).isTrue();
            assertThat(full.get("events").asLong()).isEqualTo(atT1.get("events").asLong() + 3);
        }
    }

    private static void assertProblem(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private static String withoutKnownAt(Response response) {
        ObjectNode body = (ObjectNode) response.json();
        body.remove("knownAt");
        return body.toString();
    }

    private static Response okResponse(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private static JsonNode ok(Response response) {
        return okResponse(response).json();
    }
}
