package cn.creditbank.ledger.projections.reconciliation;

import cn.creditbank.ledger.core.demo.DemoLearners;
import cn.creditbank.ledger.core.outcome.RevokeCertificate;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.transfer.ApproveTransfer;
import cn.creditbank.ledger.projections.support.LedgerNode;
import cn.creditbank.ledger.projections.support.TestPostgres;
import cn.creditbank.projectionstest.ProjectionsTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static cn.creditbank.ledger.projections.eventstore.ProjectionProcessors.OUTCOME_HISTORY;
import static cn.creditbank.ledger.projections.eventstore.ProjectionProcessors.TRANSFERS;
import static cn.creditbank.ledger.projections.support.DemoFixtures.TESTER;
import static cn.creditbank.ledger.projections.support.DemoFixtures.loadCatalogue;
import static cn.creditbank.ledger.projections.support.DemoFixtures.loadLearner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DOMAIN.md §6 (张三 and 李四 on the demo catalogue), 张三's transfer application approved and O1 revoked
 * afterwards, replayed into scratch schemas through the real processors' handler code on PostgreSQL.
 */
class ScratchReplayWorkedExampleTest {

    private static LedgerNode node;
    private static Instant beforeRevocation;

    @BeforeAll
    static void loadWorkedExample() {
        node = LedgerNode.onDatabase(ProjectionsTestApplication.class, TestPostgres.freshDatabaseUrl(), Map.of());
        loadCatalogue(node);
        DemoLearners.all(TESTER).forEach(learner -> loadLearner(node, learner));
        ReplayScenario steps = new ReplayScenario(node, 1);
        var application = steps.apply(DemoLearners.ZHANGSAN).orElseThrow();
        steps.send(new ApproveTransfer(application.id(), Set.of(), ReplayScenario.OUC, TESTER));
        steps.awaitProjections();
        beforeRevocation = Instant.now();
        steps.send(new RevokeCertificate(DemoLearners.ZHANGSAN, OutcomeId.of("O1"), "证书被发证机构撤销",
                LocalDate.of(2026, 11, 2), TESTER));
        steps.awaitProjections();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @AfterEach
    void noScratchSchemaIsLeftBehind() {
        assertThat(node.jdbc().queryForObject(
                "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'replay\\_%'", Long.class))
                .isZero();
    }

    @Test
    void eachProjectionReplayedInFullEqualsTheLiveModel() {
        ReplayComparison history = replay(OUTCOME_HISTORY, null);
        ReplayComparison transfers = replay(TRANSFERS, null);

        assertThat(history.matches()).as(history.toString()).isTrue();
        assertThat(history.differences()).isEmpty();
        assertThat(history.liveChecksum()).isEqualTo(node.bean(ReadModelChecksum.class).outcomeHistory())
                .isEqualTo(history.replayChecksum());
        assertThat(transfers.matches()).as(transfers.toString()).isTrue();
        assertThat(transfers.liveChecksum()).isEqualTo(node.bean(ReadModelChecksum.class).transfers());
        long stored = node.jdbc().queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        assertThat(history.events()).isEqualTo(stored);
        assertThat(node.jdbc().queryForObject("SELECT status FROM transfer_application", String.class))
                .isEqualTo("AFFECTED");
    }

    @Test
    void beforeTheRevocationTheReplayEqualsTheLiveModelAsItStoodThen() {
        ReplayComparison transfers = replay(TRANSFERS, beforeRevocation);
        ReplayComparison history = replay(OUTCOME_HISTORY, beforeRevocation);

        assertThat(transfers.matches()).as(transfers.toString()).isTrue();
        assertThat(history.matches()).as(history.toString()).isTrue();
        // then the approval was not yet affected, and O1 had one version only
        assertThat(transfers.liveChecksum()).isNotEqualTo(node.bean(ReadModelChecksum.class).transfers());
        assertThat(history.liveChecksum()).isNotEqualTo(node.bean(ReadModelChecksum.class).outcomeHistory());
        assertThat(history.events()).isEqualTo(replay(OUTCOME_HISTORY, null).events() - 1);
        assertThat(history.knownAt()).isEqualTo(beforeRevocation);
    }

    @Test
    void aCorruptedLiveRowIsReportedWithItsKey() {
        String corrupt = """
                UPDATE outcome_version SET credits = credits + ? WHERE learner_id = 'demo-zhangsan'
                  AND outcome_id = 'O5' AND known_until IS NULL""";
        assertThat(node.jdbc().update(corrupt, 1)).isEqualTo(1);
        try {
            ReplayComparison result = replay(OUTCOME_HISTORY, null);

            assertThat(result.matches()).isFalse();
            assertThat(result.liveChecksum()).isNotEqualTo(result.replayChecksum());
            assertThat(result.differences()).singleElement().satisfies(table -> {
                assertThat(table.table()).isEqualTo("outcome_version");
                assertThat(table.liveRows()).isEqualTo(table.replayRows());
                assertThat(table.truncated()).isFalse();
                assertThat(table.rows()).singleElement().satisfies(row -> {
                    assertThat(row.kind()).isEqualTo(RowDifference.Kind.DIFFERENT);
                    assertThat(row.key()).containsEntry("learner_id", "demo-zhangsan")
                            .containsEntry("outcome_id", "O5").containsKey("event_sequence");
                    assertThat(new BigDecimal(row.live().get("credits").toString()))
                            .isEqualByComparingTo(new BigDecimal(row.replay().get("credits").toString())
                                    .add(BigDecimal.ONE));
                });
            });
        } finally {
            node.jdbc().update(corrupt, -1);
        }
        assertThat(replay(OUTCOME_HISTORY, null).matches()).isTrue();
    }

    @Test
    void aMissingAndAnExtraLiveRowAreReportedOnTheirSide() {
        Map<String, Object> removed = node.jdbc().queryForMap(
                "SELECT * FROM transfer_rule ORDER BY rule_id LIMIT 1");
        node.jdbc().update("DELETE FROM transfer_rule WHERE transfer_id = ? AND rule_id = ?",
                removed.get("transfer_id"), removed.get("rule_id"));
        node.jdbc().update("INSERT INTO transfer_outcome_withdrawal VALUES ('nobody', 'X1', 'VOIDED', now())");
        try {
            ReplayComparison result = replay(TRANSFERS, null);

            assertThat(result.matches()).isFalse();
            assertThat(result.differences()).extracting(TableDifference::table)
                    .containsExactly("transfer_rule", "transfer_outcome_withdrawal");
            TableDifference rules = result.differences().get(0);
            assertThat(rules.replayRows()).isEqualTo(rules.liveRows() + 1);
            assertThat(rules.rows()).singleElement().satisfies(row -> {
                assertThat(row.kind()).isEqualTo(RowDifference.Kind.REPLAY_ONLY);
                assertThat(row.key()).containsEntry("rule_id", removed.get("rule_id"));
                assertThat(row.live()).isNull();
            });
            assertThat(result.differences().get(1).rows()).singleElement()
                    .satisfies(row -> assertThat(row.kind()).isEqualTo(RowDifference.Kind.LIVE_ONLY));
        } finally {
            node.jdbc().update("DELETE FROM transfer_outcome_withdrawal WHERE learner_id = 'nobody'");
            node.jdbc().update("INSERT INTO transfer_rule VALUES (?, ?, ?)", removed.get("transfer_id"),
                    removed.get("rule_id"), removed.get("rule_version"));
        }
    }

    @Test
    void anUnknownProjectionIsRefusedNamingTheField() {
        assertThatThrownBy(() -> replay("balances", null)).isInstanceOfSatisfying(DomainException.class, refusal -> {
            assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(refusal.field()).contains("projection");
            assertThat(refusal.getMessage()).contains("outcome-history", "transfers");
        });
    }

    /** The digests are still those of the first checksum queries, so digests kept elsewhere stay comparable. */
    @Test
    void theLiveChecksumsAreComputedAsBefore() {
        String history = node.jdbc().queryForObject("""
                SELECT md5(coalesce((SELECT string_agg(row_to_json(a)::text, ',' ORDER BY learner_id)
                                     FROM learner_account a), '')
                           || '|' ||
                           coalesce((SELECT string_agg(row_to_json(v)::text, ',' ORDER BY learner_id, event_sequence)
                                     FROM outcome_version v), ''))""", String.class);
        String transfers = node.jdbc().queryForObject("""
                SELECT md5(concat_ws('|',
                    coalesce((SELECT string_agg(row_to_json(t)::text, ',' ORDER BY transfer_id)
                              FROM transfer_application t), ''),
                    coalesce((SELECT string_agg(row_to_json(t)::text, ',' ORDER BY transfer_id, course_code)
                              FROM transfer_course t), ''),
                    coalesce((SELECT string_agg(row_to_json(t)::text, ',' ORDER BY transfer_id, rule_id, rule_version)
                              FROM transfer_rule t), ''),
                    coalesce((SELECT string_agg(row_to_json(t)::text, ',' ORDER BY transfer_id, outcome_id, cause)
                              FROM transfer_affected t), ''),
                    coalesce((SELECT string_agg(row_to_json(t)::text, ',' ORDER BY learner_id, outcome_id, cause)
                              FROM transfer_outcome_withdrawal t), '')))""", String.class);

        assertThat(node.bean(ReadModelChecksum.class).outcomeHistory()).isEqualTo(history);
        assertThat(node.bean(ReadModelChecksum.class).transfers()).isEqualTo(transfers);
    }

    private static ReplayComparison replay(String projection, Instant knownAt) {
        return node.bean(ScratchReplay.class).replay(projection, knownAt);
    }
}
