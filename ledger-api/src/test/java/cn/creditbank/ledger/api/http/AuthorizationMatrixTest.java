package cn.creditbank.ledger.api.http;

import cn.creditbank.ledger.api.support.ApiClient;
import cn.creditbank.ledger.api.support.ApiClient.Response;
import cn.creditbank.ledger.api.support.ApiNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role (none, the learner, another learner, the right and the wrong institution, regulator, operator) against
 * every endpoint group, with the status API.md's rules give. The subject is a learner of the test's own (so the
 * demo learners stay as they are), who applied to OUC's diploma: OUC is the right institution, CSIA the wrong one.
 */
class AuthorizationMatrixTest {

    private static ApiNode node;
    private static Map<String, ApiClient> callers;
    private static ApiClient operator;
    private static String learner;
    private static String transferId;

    @BeforeAll
    static void start() {
        node = ApiNode.shared();
        operator = ApiClient.client(node, "operator");
        callers = new LinkedHashMap<>();
        callers.put("none", ApiClient.anonymous(node));
        callers.put("learner", ApiClient.learner(node, "lisi"));
        callers.put("otherLearner", ApiClient.learner(node, "zhangsan"));
        callers.put("rightInstitution", ApiClient.client(node, "ouc"));
        callers.put("wrongInstitution", ApiClient.client(node, "csia"));
        callers.put("regulator", ApiClient.client(node, "regulator"));
        callers.put("operator", operator);
        // 李四 applies to OUC's diploma with a CSTP-JAVA certificate of his own (new reference each run)
        learner = "demo-lisi";
        Response recorded = ApiClient.client(node, "csia").post("/api/v1/learners/demo-lisi/outcomes",
                certificate("matrix-" + UUID.randomUUID()));
        assertThat(recorded.status()).as(recorded.toString()).isIn(200, 201);
        Response applied = ApiClient.learner(node, "lisi").post("/api/v1/learners/demo-lisi/transfers",
                Map.of("programmeCode", "OUC-SE-DIP"));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        transferId = applied.json().get("transferId").asString();
        // the institution's right to read 李四 comes from the transfers projection: wait until it has the application
        assertThat(operator.header("Min-Ledger-Position", applied.header("Ledger-Position"))
                .get("/api/v1/transfers/" + transferId).status()).isEqualTo(200);
    }

    @Test
    void everyRoleGetsTheStatusTheRulesGive() {
        String me = "/api/v1/learners/" + learner;
        List<String> mismatches = new ArrayList<>();
        expect(mismatches, "read catalogue", c -> c.get("/api/v1/catalogue/units/AIGC"),
                401, 200, 200, 200, 200, 200, 200);
        ObjectNode zswc = (ObjectNode) operator.get("/api/v1/catalogue/institutions/ZSWC").json();
        zswc.remove(List.of("code", "version", "recordedAt", "recordedBy"));
        expect(mismatches, "change catalogue", c -> c.put("/api/v1/catalogue/institutions/ZSWC", zswc),
                401, 403, 403, 403, 403, 403, 200);
        expect(mismatches, "open account", c -> c.post("/api/v1/learners", Map.of("displayName", "赵六")),
                401, 403, 403, 201, 201, 403, 201);
        expect(mismatches, "search learners", c -> c.get("/api/v1/learners?q=李"),
                401, 403, 403, 403, 403, 200, 200);
        expect(mismatches, "read learner", c -> c.get(me), 401, 200, 403, 200, 403, 200, 200);
        expect(mismatches, "balance", c -> c.get(me + "/balance"), 401, 200, 403, 200, 403, 200, 200);
        expect(mismatches, "evaluation", c -> c.get(me + "/evaluations/OUC-SE-DIP"),
                401, 200, 403, 200, 403, 200, 200);
        expect(mismatches, "grades", c -> c.get(me + "/grades/AI-TRAINER"), 401, 200, 403, 200, 403, 200, 200);
        expect(mismatches, "outcomes", c -> c.get(me + "/outcomes"), 401, 200, 403, 200, 403, 200, 200);
        expect(mismatches, "me", c -> c.get("/api/v1/me/balance"), 401, 200, 200, 403, 403, 403, 403);
        expect(mismatches, "record OUC outcome", c -> c.post(me + "/outcomes", course("matrix-" + UUID.randomUUID())),
                401, 403, 403, 201, 403, 403, 201);
        expect(mismatches, "correct DEMO-VOC's outcome", c -> c.post(me + "/outcomes/L1/correct",
                        Map.of("score", 89, "reason", "matrix")),
                401, 403, 403, 403, 403, 403, 200);
        expect(mismatches, "unknown learner", c -> c.get("/api/v1/learners/nobody-" + UUID.randomUUID() + "/balance"),
                401, 403, 403, 403, 403, 404, 404);
        expect(mismatches, "apply", c -> c.post(me + "/transfers", Map.of("programmeCode", "NO-SUCH-PROGRAMME")),
                401, 404, 403, 403, 403, 403, 404);
        expect(mismatches, "institution inbox", c -> c.get("/api/v1/institutions/OUC/transfers"),
                401, 403, 403, 200, 403, 200, 403);
        expect(mismatches, "one application", c -> c.get("/api/v1/transfers/" + transferId),
                401, 200, 403, 200, 403, 200, 200);
        expect(mismatches, "decide", c -> c.post("/api/v1/transfers/" + transferId + "/reject",
                        Map.of("reason", "矩阵测试")),
                401, 403, 403, 200, 403, 403, 403);

        assertThat(mismatches).isEmpty();
    }

    /** Expected statuses in the order none, learner, other learner, right/wrong institution, regulator, operator. */
    private static void expect(List<String> mismatches, String group, Function<ApiClient, Response> call,
                               int... statuses) {
        int i = 0;
        for (Map.Entry<String, ApiClient> caller : callers.entrySet()) {
            Response response = call.apply(caller.getValue());
            if (response.status() != statuses[i]) {
                mismatches.add(group + " as " + caller.getKey() + ": expected " + statuses[i] + ", got " + response);
            }
            if (response.status() >= 400) {
                assertThat(response.contentType()).as(group + " as " + caller.getKey())
                        .startsWith("application/problem+json");
            }
            i++;
        }
    }

    private static Map<String, Object> certificate(String ref) {
        return Map.of("kind", "CERTIFICATE", "unitCode", "CSTP-JAVA", "issuer", "CSIA", "externalRef", ref,
                "date", "2025-03-01", "level", "中级", "certificateNo", "CSTP-" + ref);
    }

    private static Map<String, Object> course(String ref) {
        return Map.of("kind", "COURSE", "unitCode", "OUC-SE108", "issuer", "OUC", "externalRef", ref,
                "date", "2026-01-10", "score", 75);
    }
}
