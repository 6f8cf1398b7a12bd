package cn.creditbank.ledger.api.outcome.batch;

import cn.creditbank.ledger.api.learner.LearnerOnboarding;
import cn.creditbank.ledger.api.outcome.batch.BatchClient.Answer;
import cn.creditbank.ledger.api.support.ApiNode;
import cn.creditbank.ledger.api.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static cn.creditbank.ledger.api.outcome.batch.BatchClient.goodRows;
import static cn.creditbank.ledger.api.outcome.batch.BatchClient.module;
import static cn.creditbank.ledger.api.outcome.batch.BatchClient.with;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/outcomes:batch} over HTTP with real tokens, checked against the event store. */
class OutcomeBatchTest {

    private static ApiNode node;
    private static BatchClient client;
    private static String operator;
    private static String neea;

    @BeforeAll
    static void start() {
        node = ApiNode.withDemoData();
        client = new BatchClient(node);
        operator = Tokens.clientCredentials(node.baseUrl(), "operator", "operator-secret");
        neea = Tokens.clientCredentials(node.baseUrl(), "neea", "neea-secret");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String newLearner() {
        return node.bean(LearnerOnboarding.class).open("批量测试", null, null, "tester").value();
    }

    @Test
    void recordsEveryGoodRowOnceAndRejectsEachBadRowWithItsCode() {
        String learner = newLearner();
        String other = newLearner();
        List<Map<String, Object>> rows = new ArrayList<>(List.of(
                module(learner, "VOC-AIM-01", "MIX-0", 80), // 0 good
                module(learner, "VOC-NOPE", "MIX-1", 80), // 1 unknown unit
                with(module(learner, "VOC-AIM-02", "MIX-2", 80), "issuer", "NEEA"), // 2 not accredited
                with(module(learner, "VOC-AIM-03", "MIX-3", 80), "date", "2099-01-01"), // 3 future
                module(learner, "VOC-AIM-04", "MIX-4", 120), // 4 score 120
                with(module(learner, "VOC-AIM-05", "MIX-5", 80), "date", "2025-13-45"), // 5 malformed date
                module("no-such-learner", "VOC-AIM-01", "MIX-6", 80), // 6 unknown learner
                with(module("demo-lisi", "VOC-AIM-02", "DEMO-VOC-demo-lisi-L1", 88), "date",
                        "2025-07-01"), // 7 already in the ledger (李四's L1)
                module(learner, "VOC-AIM-01", "MIX-0", 80), // 8 repeat of 0
                module(other, "VOC-AIM-02", "MIX-9", 75), // 9 good
                module(learner, "VOC-AIM-01", "MIX-0", 99), // 10 ref of 0, other content
                with(module(other, "VOC-AIM-03", "MIX-11", 70), "kind", "DIPLOMA"), // 11 unknown kind
                with(module(other, "VOC-AIM-03", "MIX-12", 70), "score", "many"), // 12 wrong type
                exam(other, "MIX-13", 78), // 13 good exam
                certificate(other, "MIX-14", "导师级"))); // 14 good certificate

        Answer answer = client.postJson(operator, rows);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.response().headers().firstValue("Ledger-Position")).isPresent();
        assertThat(statuses(answer)).containsExactly("ACCEPTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED",
                "REJECTED", "REJECTED", "DUPLICATE", "DUPLICATE", "ACCEPTED", "REJECTED", "REJECTED", "REJECTED",
                "ACCEPTED", "ACCEPTED");
        assertThat(answer.code(1)).isEqualTo("UNKNOWN_UNIT");
        assertThat(answer.code(2)).isEqualTo("NOT_ACCREDITED");
        assertThat(answer.code(3)).isEqualTo("DATE_IN_FUTURE");
        assertThat(answer.code(4)).isEqualTo("SCORE_OUT_OF_RANGE");
        assertThat(answer.code(5)).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.row(5).get("detail").asString()).contains("date");
        assertThat(answer.code(6)).isEqualTo("UNKNOWN_LEARNER");
        assertThat(answer.outcomeId(7)).isEqualTo("L1");
        assertThat(answer.outcomeId(8)).isEqualTo(answer.outcomeId(0));
        assertThat(answer.code(10)).isEqualTo("EXTERNAL_REF_CONFLICT");
        assertThat(answer.code(11)).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.code(12)).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.body().get("accepted").asInt()).isEqualTo(4);
        assertThat(answer.body().get("duplicates").asInt()).isEqualTo(2);
        assertThat(answer.body().get("rejected").asInt()).isEqualTo(9);
        assertThat(answer.row(0).has("code")).isFalse();
        assertThat(answer.row(1).has("outcomeId")).isFalse();
        for (String ref : List.of("MIX-0", "MIX-9", "MIX-13", "MIX-14", "DEMO-VOC-demo-lisi-L1")) {
            assertThat(client.eventsWithRef(ref)).as(ref).isEqualTo(1);
        }
        for (int bad : List.of(1, 2, 3, 4, 5, 6, 11, 12)) {
            assertThat(client.eventsWithRef("MIX-" + bad)).as("MIX-" + bad).isZero();
        }
    }

    @Test
    void anInstitutionRecordsItsOwnOutcomesAndIsRefusedOthersRowByRow() {
        String learner = newLearner();

        Answer answer = client.postJson(neea, List.of(exam(learner, "INST-0", 81),
                module(learner, "VOC-AIM-01", "INST-1", 80), exam(learner, "INST-2", 59)));

        assertThat(statuses(answer)).containsExactly("ACCEPTED", "REJECTED", "ACCEPTED");
        assertThat(answer.code(1)).isEqualTo("FORBIDDEN");
        assertThat(client.eventsWithRef("INST-1")).isZero();
        assertThat(client.eventsWithRef("INST-0")).isEqualTo(1);
    }

    @Test
    void theSameBatchSentTwiceRecordsNothingTheSecondTime() {
        String learner = newLearner();
        List<Map<String, Object>> rows = new ArrayList<>(goodRows(learner, "TWICE", 20));
        rows.add(module(learner, "VOC-NOPE", "TWICE-bad", 80));
        rows.add(module(learner, "VOC-AIM-01", "TWICE-0", 60)); // a repeat inside the batch

        Answer first = client.postJson(operator, rows);
        long events = client.events();
        Answer second = client.postJson(operator, rows);

        assertThat(first.body().get("accepted").asInt()).isEqualTo(20);
        assertThat(second.body().get("accepted").asInt()).isZero();
        assertThat(second.body().get("duplicates").asInt()).isEqualTo(21);
        assertThat(second.body().get("rejected").asInt()).isEqualTo(1);
        assertThat(client.events()).isEqualTo(events);
        IntStream.range(0, 20).forEach(i -> assertThat(second.outcomeId(i)).isEqualTo(first.outcomeId(i)));
    }

    @Test
    void csvWithChineseLevelsAndQuotedFieldsRoundTrips() {
        String learner = newLearner();
        String csv = "\uFEFFexternalRef,learnerId,kind,unitCode,issuer,date,level,certificateNo,score,hours,"
                + "validUntil\r\n"
                + "\"AIGC,2025 \"\"一\"\"\"," + learner
                + ",CERTIFICATE,AIGC,ICDC,2025-04-18,专家级,\"AIGC-2025\n0001\",,,\r\n"
                + "CSV-2," + learner + ",MODULE,VOC-AIM-03,DEMO-VOC,2025-06-30,,,85,30,\r\n"
                + "CSV-3," + learner + ",CERTIFICATE,AIGC,ICDC,2025-04-18,大师级,AIGC-2025-0003,,,\r\n"
                + "CSV-4," + learner + ",MODULE,VOC-AIM-03,DEMO-VOC,30/06/2025,,,85,,\r\n";

        Answer answer = client.post(operator, "text/csv; charset=UTF-8", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(statuses(answer)).containsExactly("ACCEPTED", "ACCEPTED", "REJECTED", "REJECTED");
        assertThat(answer.code(2)).isEqualTo("UNKNOWN_CERTIFICATE_LEVEL");
        assertThat(answer.code(3)).isEqualTo("VALIDATION_FAILED");
        Map<String, Object> stored = node.jdbc().queryForMap("""
                SELECT learner, p ->> 'level' AS level, p ->> 'certificateNo' AS number
                FROM (SELECT aggregate_identifier AS learner, convert_from(payload, 'UTF8')::jsonb AS p
                      FROM domain_event_entry) e
                WHERE p ->> 'externalRef' = ?""", "AIGC,2025 \"一\"");
        assertThat(stored).containsEntry("learner", learner).containsEntry("level", "专家级")
                .containsEntry("number", "AIGC-2025\n0001");
        assertThat(client.eventsWithRef("CSV-2")).isEqualTo(1);
    }

    @Test
    void csvWithAnUnknownOrMissingColumnIsRefusedWhole() {
        String learner = newLearner();
        String unknown = "learnerId,kind,unitCode,issuer,externalRef,date,scroe\n"
                + learner + ",MODULE,VOC-AIM-01,DEMO-VOC,HDR-1,2025-06-30,80\n";
        String missing = "learnerId,kind,unitCode,issuer,date,score\n"
                + learner + ",MODULE,VOC-AIM-01,DEMO-VOC,2025-06-30,80\n";

        Answer unknownColumn = client.post(operator, "text/csv", unknown.getBytes(StandardCharsets.UTF_8));
        Answer missingColumn = client.post(operator, "text/csv", missing.getBytes(StandardCharsets.UTF_8));

        assertThat(unknownColumn.status()).isEqualTo(400);
        assertThat(unknownColumn.body().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(unknownColumn.body().get("errors").get(0).get("field").asString()).isEqualTo("scroe");
        assertThat(missingColumn.status()).isEqualTo(400);
        assertThat(missingColumn.body().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(client.eventsWithRef("HDR-1")).isZero();
    }

    @Test
    void aCsvSyntaxErrorRecordsNothing() {
        String learner = newLearner();
        StringBuilder csv = new StringBuilder("learnerId,kind,unitCode,issuer,externalRef,date,score\n");
        for (int i = 0; i < 50; i++) {
            csv.append(learner).append(",MODULE,VOC-AIM-01,DEMO-VOC,CSVBAD-").append(i).append(",2025-06-30,80\n");
        }
        csv.append(learner).append(",MODULE,VOC-AIM-01,DEMO-VOC,CSVBAD-\"x\",2025-06-30,80\n");
        long events = client.events();

        Answer answer = client.post(operator, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(client.events()).isEqualTo(events);
    }

    @Test
    void moreThanTenThousandRowsIsRefusedAndRecordsNothing() {
        String learner = newLearner();
        List<Map<String, Object>> rows = goodRows(learner, "BIG", 10_001);
        long events = client.events();

        Answer answer = client.postJson(operator, rows);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body().get("code").asString()).isEqualTo("BATCH_TOO_LARGE");
        assertThat(client.events()).isEqualTo(events);
        assertThat(client.eventsWithRef("BIG-0")).isZero();
    }

    @Test
    void malformedJsonInTheMiddleRecordsNothing() {
        String learner = newLearner();
        String good = BatchClient.JSON.writeValueAsString(goodRows(learner, "BROKEN", 100));
        String items = good.substring(1, good.length() - 1);
        int middle = items.indexOf("{\"learnerId\"", items.length() / 2);
        String broken = "{\"items\":[" + items.substring(0, middle)
                + "{\"learnerId\": \"" + learner + "\", \"kind\": }, " + items.substring(middle) + "]}";
        long events = client.events();

        Answer answer = client.post(operator, "application/json", broken.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(client.events()).isEqualTo(events);
        assertThat(client.eventsWithRef("BROKEN-0")).isZero();
    }

    /**
     * A row whose reference an earlier row of another learner holds is refused for it, and the good rows around it in
     * the same chunk still commit; nothing of the refused row is recorded.
     */
    @Test
    void aRowRefusedInTheMiddleOfAChunkRollsBackAlone() {
        String owner = newLearner();
        String other = newLearner();
        List<Map<String, Object>> rows = new ArrayList<>(goodRows(owner, "SAVEPOINT", 10));
        rows.add(5, module(other, "VOC-AIM-01", "SAVEPOINT-0", 60)); // owner's ref, another learner

        Answer answer = client.postJson(operator, rows);

        assertThat(answer.status(5)).isEqualTo("REJECTED");
        assertThat(answer.code(5)).isEqualTo("EXTERNAL_REF_CONFLICT");
        assertThat(answer.body().get("accepted").asInt()).isEqualTo(10);
        assertThat(client.eventsWithRef("SAVEPOINT-0")).isEqualTo(1);
        assertThat(client.learnerOf("SAVEPOINT-0")).isEqualTo(owner);
        for (int i = 1; i < 10; i++) {
            assertThat(client.eventsWithRef("SAVEPOINT-" + i)).isEqualTo(1);
        }
        assertThat(node.jdbc().queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, other)).isEqualTo(1); // only its opening
    }

    /**
     * Rows are answered as if recorded one after the other in row order, although a chunk records each learner's rows
     * together: a reference first sent with a row that is refused stays free for a later row of another learner, and
     * a learner's later row sees that learner's earlier one.
     */
    @Test
    void rowsAreAnsweredAsIfRecordedInRowOrder() {
        String a = newLearner();
        String b = newLearner();
        String c = newLearner();
        List<Map<String, Object>> rows = List.of(
                module(a, "VOC-NOPE", "ORDER-X", 80), // 0 refused: X stays free
                module(b, "VOC-AIM-01", "ORDER-X", 80), // 1 so b records X
                module(a, "VOC-AIM-02", "ORDER-Y", 80), // 2 a records Y
                module(c, "VOC-AIM-02", "ORDER-Y", 80), // 3 Y is a's
                module(b, "VOC-AIM-01", "ORDER-X", 80), // 4 b's retry of X
                with(module(a, "VOC-AIM-02", "DEMO-VOC-demo-lisi-L1", 88), "date", "2025-07-01"), // 5 李四's
                module(c, "VOC-AIM-03", "ORDER-Z", 80), // 6 good
                module(a, "VOC-AIM-02", "ORDER-Y", 90)); // 7 a's Y with other content

        Answer answer = client.postJson(operator, rows);

        assertThat(statuses(answer)).containsExactly("REJECTED", "ACCEPTED", "ACCEPTED", "REJECTED", "DUPLICATE",
                "REJECTED", "ACCEPTED", "REJECTED");
        assertThat(answer.code(0)).isEqualTo("UNKNOWN_UNIT");
        assertThat(answer.code(3)).isEqualTo("EXTERNAL_REF_CONFLICT");
        assertThat(answer.outcomeId(4)).isEqualTo(answer.outcomeId(1));
        assertThat(answer.code(5)).isEqualTo("EXTERNAL_REF_CONFLICT");
        assertThat(answer.code(7)).isEqualTo("EXTERNAL_REF_CONFLICT");
        assertThat(client.learnerOf("ORDER-X")).isEqualTo(b);
        assertThat(client.learnerOf("ORDER-Y")).isEqualTo(a);
        for (String ref : List.of("ORDER-X", "ORDER-Y", "ORDER-Z", "DEMO-VOC-demo-lisi-L1")) {
            assertThat(client.eventsWithRef(ref)).as(ref).isEqualTo(1);
        }
    }

    @Test
    void anEmptyBatchAnswersZeroes() {
        Answer answer = client.postJson(operator, List.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("results").size()).isZero();
    }

    private static List<String> statuses(Answer answer) {
        List<String> statuses = new ArrayList<>();
        answer.body().get("results").forEach(row -> statuses.add(row.get("status").asString()));
        return statuses;
    }

    private static Map<String, Object> exam(String learner, String ref, int score) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("learnerId", learner);
        row.put("kind", "EXAM");
        row.put("unitCode", "NCRE-2-JAVA");
        row.put("issuer", "NEEA");
        row.put("externalRef", ref);
        row.put("date", "2024-09-21");
        row.put("score", score);
        return row;
    }

    private static Map<String, Object> certificate(String learner, String ref, String level) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("learnerId", learner);
        row.put("kind", "CERTIFICATE");
        row.put("unitCode", "AIGC");
        row.put("issuer", "ICDC");
        row.put("externalRef", ref);
        row.put("date", "2025-04-18");
        row.put("level", level);
        row.put("certificateNo", "AIGC-" + ref);
        return row;
    }
}
