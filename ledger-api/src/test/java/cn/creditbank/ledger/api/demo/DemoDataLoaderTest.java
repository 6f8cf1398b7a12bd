package cn.creditbank.ledger.api.demo;

import cn.creditbank.ledger.api.LedgerApplication;
import cn.creditbank.ledger.projections.support.LedgerNode;
import cn.creditbank.ledger.projections.support.TestPostgres;
import cn.creditbank.ledger.core.demo.DemoLearners;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data set goes in through the ordinary commands, once, however often the application starts. */
class DemoDataLoaderTest {

    @Test
    void loadsTheWorkedExampleOnceAcrossRestarts() {
        String url = TestPostgres.freshDatabaseUrl();
        List<Map<String, Object>> first;
        try (LedgerNode node = LedgerNode.onDatabase(LedgerApplication.class, url, Map.of("ledger.demo-data", "always"))) {
            first = eventSummary(node);
            assertThat(learnerEventTypes(node, DemoLearners.ZHANGSAN.value())).containsExactly(
                    "LearnerAccountOpened", "CertificateAwarded", "ExamResultRecorded", "CertificateAwarded",
                    "CertificateAwarded", "CompletionRecorded", "CompletionRecorded", "CompletionRecorded",
                    "CompletionRecorded", "CompletionRecorded", "OutcomeVoided", "CompletionRecorded");
            assertThat(node.jdbc().queryForObject("SELECT display_name FROM learner_identity WHERE learner_id = ?",
                    String.class, DemoLearners.ZHANGSAN.value())).isEqualTo("张三");
        }
        try (LedgerNode restarted = LedgerNode.onDatabase(LedgerApplication.class, url, Map.of("ledger.demo-data", "always"))) {
            assertThat(eventSummary(restarted)).isEqualTo(first);
        }
    }

    @Test
    void isNotLoadedIntoAnExternalDatabaseByDefault() {
        try (LedgerNode node = LedgerNode.onDatabase(LedgerApplication.class, TestPostgres.freshDatabaseUrl(), Map.of("ledger.demo-data", "auto"))) {
            assertThat(node.jdbc().queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isZero();
        }
    }

    private static List<Map<String, Object>> eventSummary(LedgerNode node) {
        return node.jdbc().queryForList(
                "SELECT payload_type, count(*) AS n FROM domain_event_entry GROUP BY payload_type ORDER BY payload_type");
    }

    private static List<String> learnerEventTypes(LedgerNode node, String learnerId) {
        return node.jdbc().queryForList("""
                SELECT regexp_replace(payload_type, '.*\\.', '') FROM domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number""", String.class, learnerId);
    }
}
