package cn.creditbank.ledger.api.http;

import cn.creditbank.ledger.api.support.ApiClient;
import cn.creditbank.ledger.api.support.ApiClient.Response;
import cn.creditbank.ledger.api.support.ApiNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DOMAIN.md §6 driven only through the HTTP API with real tokens, as a client written from API.md would: the demo
 * data's 张三, his transfer application approved by the {@code ouc} client, and O1 revoked afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkedExampleOverHttpTest {

    private static final String ZHANGSAN = "/api/v1/learners/demo-zhangsan";
    private static final String AS_OF = "asOf=2026-11-01";

    private static ApiNode node;
    private static ApiClient regulator;
    private static ApiClient zhangsan;
    private static ApiClient ouc;
    private static String transferId;

    @BeforeAll
    static void start() {
        node = ApiNode.withDemoData();
        regulator = ApiClient.client(node, "regulator");
        zhangsan = ApiClient.learner(node, "zhangsan");
        ouc = ApiClient.client(node, "ouc");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    @Order(1)
    void balanceIs28Point5WithTheCertificatesOfTheExample() {
        JsonNode balance = ok(zhangsan.get("/api/v1/me/balance?" + AS_OF));

        assertThat(balance.get("accumulatedCredits").decimalValue()).isEqualByComparingTo("28.5");
        assertThat(balance.get("accumulatedCredits").toString()).isEqualTo("28.5");
        JsonNode byKind = balance.get("byKind");
        assertThat(Map.of("CERTIFICATE", byKind.get("CERTIFICATE").toString(), "EXAM", byKind.get("EXAM").toString(),
                "MODULE", byKind.get("MODULE").toString(), "TRAINING", byKind.get("TRAINING").toString(),
                "COURSE", byKind.get("COURSE").toString()))
                .isEqualTo(Map.of("CERTIFICATE", "16", "EXAM", "4", "MODULE", "3.5", "TRAINING", "1", "COURSE", "4"));
        assertThat(statusByOutcome(balance.get("certificates")))
                .isEqualTo(Map.of("O1", "ACTIVE", "O3", "EXPIRED", "O4", "ACTIVE"));
        assertThat(balance.get("learnerId").asString()).isEqualTo("demo-zhangsan");
        assertThat(balance.get("asOf").asString()).isEqualTo("2026-11-01");
        JsonNode asRegulatorSeesIt = ok(regulator.get(ZHANGSAN + "/balance?" + AS_OF + "&knownAt="
                + balance.get("knownAt").asString()));
        assertThat(asRegulatorSeesIt).isEqualTo(balance);
    }

    @Test
    @Order(2)
    void evaluationIntoTheDiplomaIsTheOneOfTheExample() {
        JsonNode evaluation = ok(regulator.get(ZHANGSAN + "/evaluations/OUC-SE-DIP?" + AS_OF));

        assertThat(evaluation.get("programmeCode").asString()).isEqualTo("OUC-SE-DIP");
        assertThat(evaluation.get("requiredCredits").toString()).isEqualTo("60");
        assertThat(evaluation.get("cap").toString()).isEqualTo("21");
        assertThat(evaluation.get("earnedCredits").toString()).isEqualTo("4");
        assertThat(evaluation.get("transferredCredits").toString()).isEqualTo("14");
        assertThat(evaluation.get("remainingCredits").toString()).isEqualTo("42");
        assertThat(evaluation.get("eligibleForAward").asBoolean()).isFalse();
        assertThat(courseStatus(evaluation)).containsEntry("OUC-SE107", "EARNED O8")
                .containsEntry("OUC-SE106", "TRANSFERRED O5 R-VOC-DA")
                .containsEntry("OUC-SE105", "TRANSFERRED O4 R-AIGC")
                .containsEntry("OUC-SE101", "TRANSFERRED O1 R-CSTP-JAVA")
                .containsEntry("OUC-SE110", "TRANSFERRED O1 R-CSTP-JAVA")
                .containsEntry("OUC-SE108", "MISSING");
        assertThat(exclusions(evaluation)).contains("O3 EXPIRED", "O6 SCORE_TOO_LOW", "O9 VOIDED", "O10 NOT_MAPPED",
                "O7 ALREADY_SATISFIED", "O2 ALREADY_SATISFIED", "O4 LEVEL_TOO_LOW");
    }

    @Test
    @Order(3)
    void microCredentialAndGradeLadder() {
        assertThat(ok(zhangsan.get("/api/v1/me/evaluations/DEMO-VOC-AIM?" + AS_OF)).get("earnedCredits").toString())
                .isEqualTo("3.5");
        JsonNode grade = ok(zhangsan.get("/api/v1/me/grades/AI-TRAINER?" + AS_OF));
        assertThat(grade.get("currentGrade").asString()).isEqualTo("中级工");
        assertThat(grade.get("nextGrade").asString()).isEqualTo("高级工");
        assertThat(StreamSupport.stream(grade.get("unmet").spliterator(), false)
                .map(u -> u.get("have").asString() + "/" + u.get("need").asString()).toList())
                .containsExactlyInAnyOrder("专业级/导师级", "4.5/6");
    }

    @Test
    @Order(4)
    void anInstitutionSeesTheLearnerOnlyAfterTheApplication() {
        assertThat(ouc.get(ZHANGSAN + "/balance").status()).isEqualTo(403);

        Response applied = zhangsan.post(ZHANGSAN + "/transfers",
                Map.of("programmeCode", "OUC-SE-DIP", "asOf", "2026-11-01"));

        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        JsonNode application = applied.json();
        transferId = application.get("transferId").asString();
        assertThat(application.get("status").asString()).isEqualTo("PENDING");
        assertThat(application.get("evaluation").get("transferredCredits").toString()).isEqualTo("14");
        ApiClient oucReading = ouc.header("Min-Ledger-Position", applied.header("Ledger-Position"));
        JsonNode inbox = ok(oucReading.get("/api/v1/institutions/OUC/transfers?status=PENDING"));
        assertThat(inbox.get("total").asInt()).isEqualTo(1);
        assertThat(inbox.get("items").get(0).get("transferId").asString()).isEqualTo(transferId);
        assertThat(oucReading.get(ZHANGSAN + "/balance").status()).isEqualTo(200);
        assertThat(ApiClient.client(node, "csia").get("/api/v1/institutions/OUC/transfers").status()).isEqualTo(403);
    }

    @Test
    @Order(5)
    void approvalMakesTheProposedCoursesTransferredForGood() {
        Response approved = ouc.post("/api/v1/transfers/" + transferId + "/approve", Map.of());

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode transfer = ok(regulator.header("Min-Ledger-Position", approved.header("Ledger-Position"))
                .get("/api/v1/transfers/" + transferId));
        assertThat(transfer.get("status").asString()).isEqualTo("APPROVED");
        assertThat(StreamSupport.stream(transfer.get("courses").spliterator(), false)
                .filter(c -> c.get("approved").asBoolean()).map(c -> c.get("courseCode").asString()).toList())
                .containsExactlyInAnyOrder("OUC-SE106", "OUC-SE105", "OUC-SE101", "OUC-SE110");
        assertThat(ouc.post("/api/v1/transfers/" + transferId + "/approve", Map.of()).code())
                .isEqualTo("TRANSFER_ALREADY_DECIDED");
    }

    @Test
    @Order(6)
    void revokingO1AfterwardsFlagsTheApplicationAffectedAndUndoesNothing() {
        Response revoked = ApiClient.client(node, "csia").post(ZHANGSAN + "/outcomes/O1/revoke",
                Map.of("reason", "证书被发证机构撤销", "date", "2026-11-02"));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        ApiClient fresh = regulator.header("Min-Ledger-Position", revoked.header("Ledger-Position"));

        JsonNode transfer = ok(fresh.get("/api/v1/transfers/" + transferId));
        assertThat(transfer.get("status").asString()).isEqualTo("AFFECTED");
        assertThat(transfer.get("affectedBy").get(0).get("outcomeId").asString()).isEqualTo("O1");
        assertThat(ok(ouc.get("/api/v1/institutions/OUC/transfers?status=AFFECTED")).get("total").asInt())
                .isEqualTo(1);
        JsonNode later = ok(fresh.get(ZHANGSAN + "/evaluations/OUC-SE-DIP?asOf=2026-11-10"));
        assertThat(courseStatus(later)).containsEntry("OUC-SE101", "TRANSFERRED O1 R-CSTP-JAVA")
                .containsEntry("OUC-SE110", "TRANSFERRED O1 R-CSTP-JAVA");
        assertThat(later.get("transferredCredits").toString()).isEqualTo("14");
        JsonNode outcomes = ok(fresh.get(ZHANGSAN + "/outcomes?asOf=2026-11-10"));
        assertThat(StreamSupport.stream(outcomes.get("items").spliterator(), false)
                .filter(o -> o.get("outcomeId").asString().equals("O1")).findFirst().orElseThrow()
                .get("status").asString()).isEqualTo("REVOKED");
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static Map<String, String> statusByOutcome(JsonNode certificates) {
        Map<String, String> statuses = new HashMap<>();
        certificates.forEach(c -> statuses.put(c.get("outcomeId").asString(), c.get("status").asString()));
        return statuses;
    }

    private static Map<String, String> courseStatus(JsonNode evaluation) {
        Map<String, String> statuses = new HashMap<>();
        evaluation.get("courses").forEach(c -> statuses.put(c.get("courseCode").asString(),
                String.join(" ", c.get("status").asString(), c.path("outcomeId").asString(""),
                        c.path("ruleId").asString("")).strip()));
        return statuses;
    }

    private static java.util.List<String> exclusions(JsonNode evaluation) {
        return StreamSupport.stream(evaluation.get("excluded").spliterator(), false)
                .map(e -> e.get("outcomeId").asString() + " " + e.get("reason").asString()).toList();
    }
}
