package cn.creditbank.ledger.api.http;

import cn.creditbank.ledger.api.support.ApiClient;
import cn.creditbank.ledger.api.support.ApiClient.Response;
import cn.creditbank.ledger.api.support.ApiNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client written from API.md relies on beyond single answers: retries, conflicts, Chinese text unchanged,
 * read-your-writes, and the served OpenAPI document naming every endpoint with its error answers.
 */
class ApiContractTest {

    private static ApiNode node;
    private static ApiClient operator;

    @BeforeAll
    static void start() {
        node = ApiNode.shared();
        operator = ApiClient.client(node, "operator");
    }

    @Test
    void aRetryAnswersTheFirstOutcomeAndOtherContentUnderTheSameReferenceConflicts() {
        String learner = openLearner("王五");
        ApiClient neea = ApiClient.client(node, "neea");
        Map<String, Object> exam = Map.of("kind", "EXAM", "unitCode", "NCRE-2-JAVA", "issuer", "NEEA",
                "externalRef", "NEEA-" + UUID.randomUUID(), "date", "2025-09-20", "score", 81);

        Response first = neea.post("/api/v1/learners/" + learner + "/outcomes", exam);
        Response retry = neea.post("/api/v1/learners/" + learner + "/outcomes", exam);
        Map<String, Object> other = new java.util.HashMap<>(exam);
        other.put("score", 82);
        Response conflict = neea.post("/api/v1/learners/" + learner + "/outcomes", other);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Location")).endsWith(first.json().get("outcomeId").asString());
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("outcomeId")).isEqualTo(first.json().get("outcomeId"));
        assertThat(retry.header("Ledger-Position")).isEqualTo(first.header("Ledger-Position"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("EXTERNAL_REF_CONFLICT");
    }

    @Test
    void chineseTextRoundTripsUnchanged() {
        String name = "欧阳·娜娜（测试）";
        String learner = openLearner(name);
        assertThat(operator.get("/api/v1/learners/" + learner).json().get("displayName").asString()).isEqualTo(name);
        assertThat(operator.get("/api/v1/learners?q=" + java.net.URLEncoder.encode("娜娜",
                java.nio.charset.StandardCharsets.UTF_8)).json().get("items").get(0).get("displayName").asString())
                .isEqualTo(name);

        JsonNode unit = operator.put("/api/v1/catalogue/units/ZSWC-PY", Map.of("issuer", "ZSWC",
                "kind", "TRAINING", "titleZh", "Python 数据分析“实战”营", "titleEn", "Python data analysis",
                "classHours", 24)).json();
        assertThat(unit.get("titleZh").asString()).isEqualTo("Python 数据分析“实战”营");
        assertThat(unit.get("credits")).isNull();
        assertThat(operator.get("/api/v1/catalogue/units/ZSWC-PY").json().get("titleZh").asString())
                .isEqualTo("Python 数据分析“实战”营");

        ApiClient csia = ApiClient.client(node, "csia");
        String ref = "CSIA-" + UUID.randomUUID();
        Response award = csia.post("/api/v1/learners/" + learner + "/outcomes", Map.of("kind", "CERTIFICATE",
                "unitCode", "CSTP-DB", "issuer", "CSIA", "externalRef", ref, "date", "2025-05-05", "level", "中级",
                "certificateNo", "证书-2025-001"));
        String outcomeId = award.json().get("outcomeId").asString();
        Response voided = csia.post("/api/v1/learners/" + learner + "/outcomes/" + outcomeId + "/void",
                Map.of("reason", "录入错误：证书编号有误"));
        JsonNode outcome = operator.header("Min-Ledger-Position", voided.header("Ledger-Position"))
                .get("/api/v1/learners/" + learner + "/outcomes").json().get("items").get(0);
        assertThat(outcome.get("level").asString()).isEqualTo("中级");
        assertThat(outcome.get("status").asString()).isEqualTo("VOIDED");
        assertThat(outcome.get("recordedBy").asString()).isEqualTo("csia");
    }

    @Test
    void aCatalogueDefinitionRepeatedStoresNoNewVersionAndAChangeDoes() {
        Map<String, Object> definition = Map.of("issuer", "ZSWC", "kind", "TRAINING", "titleZh", "安全生产培训",
                "classHours", 16);
        JsonNode first = operator.put("/api/v1/catalogue/units/ZSWC-SAFE", definition).json();
        JsonNode again = operator.put("/api/v1/catalogue/units/ZSWC-SAFE", definition).json();
        Map<String, Object> changed = new java.util.HashMap<>(definition);
        changed.put("classHours", 32);
        JsonNode second = operator.put("/api/v1/catalogue/units/ZSWC-SAFE", changed).json();

        assertThat(again.get("version")).isEqualTo(first.get("version"));
        assertThat(second.get("version").asInt()).isEqualTo(first.get("version").asInt() + 1);
        assertThat(operator.get("/api/v1/catalogue/units?size=500").json().get("items").findValuesAsString("code"))
                .contains("ZSWC-SAFE", "AIGC", "OUC-SE101");
    }

    @Test
    void aReadWaitsForItsOwnWriteEvenAfterRefusedWritesLeftGapsInTheLedger() {
        String owner = openLearner("甲");
        String other = openLearner("乙");
        ApiClient demoVoc = ApiClient.client(node, "demo-voc");
        String ref = "VOC-" + UUID.randomUUID();
        Map<String, Object> module = Map.of("kind", "MODULE", "unitCode", "VOC-AIM-02", "issuer", "DEMO-VOC",
                "externalRef", ref, "date", "2025-07-01", "score", 77);
        demoVoc.post("/api/v1/learners/" + owner + "/outcomes", module);
        // the same reference for another learner is refused inside the write transaction: a number is used up
        assertThat(demoVoc.post("/api/v1/learners/" + other + "/outcomes", module).code())
                .isEqualTo("EXTERNAL_REF_CONFLICT");

        Response written = demoVoc.post("/api/v1/learners/" + other + "/outcomes", Map.of("kind", "MODULE",
                "unitCode", "VOC-AIM-02", "issuer", "DEMO-VOC", "externalRef", "VOC-" + UUID.randomUUID(),
                "date", "2025-07-01", "score", 90));
        long started = System.nanoTime();
        Response read = operator.header("Min-Ledger-Position", written.header("Ledger-Position"))
                .get("/api/v1/learners/" + other + "/balance");

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("byKind").get("MODULE").toString()).isEqualTo("1");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(3));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointWithItsErrors() {
        Response docs = ApiClient.anonymous(node).get("/v3/api-docs");

        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/catalogue/units/{code}", "/api/v1/learners",
                "/api/v1/learners/{learnerId}", "/api/v1/me", "/api/v1/learners/{learnerId}/outcomes",
                "/api/v1/outcomes:batch", "/api/v1/learners/{learnerId}/outcomes/{outcomeId}/void",
                "/api/v1/learners/{learnerId}/outcomes/{outcomeId}/correct",
                "/api/v1/learners/{learnerId}/outcomes/{outcomeId}/revoke", "/api/v1/learners/{learnerId}/balance",
                "/api/v1/learners/{learnerId}/evaluations/{programmeCode}",
                "/api/v1/learners/{learnerId}/grades/{ladderCode}", "/api/v1/me/balance",
                "/api/v1/learners/{learnerId}/transfers", "/api/v1/institutions/{code}/transfers",
                "/api/v1/transfers/{transferId}", "/api/v1/transfers/{transferId}/approve",
                "/api/v1/transfers/{transferId}/reject");
        JsonNode record = paths.get("/api/v1/learners/{learnerId}/outcomes").get("post");
        assertThat(record.get("responses").propertyNames()).contains("201", "400", "401", "403", "409", "422");
        assertThat(record.get("responses").get("409").get("content").has("application/problem+json")).isTrue();
        assertThat(docs.json().get("components").get("schemas").has("OutcomeRequest")).isTrue();
        assertThat(ApiClient.anonymous(node).get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(List.of(200, 302)).contains(ApiClient.anonymous(node).get("/swagger-ui.html").status());
    }

    private static String openLearner(String name) {
        Response opened = operator.post("/api/v1/learners", Map.of("displayName", name));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json().get("learnerId").asString();
    }
}
