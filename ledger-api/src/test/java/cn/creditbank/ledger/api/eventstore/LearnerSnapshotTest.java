package cn.creditbank.ledger.api.eventstore;

import cn.creditbank.ledger.api.LedgerApplication;
import cn.creditbank.ledger.projections.support.LedgerNode;
import cn.creditbank.ledger.projections.support.TestPostgres;
import cn.creditbank.ledger.core.outcome.VoidOutcome;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.creditbank.ledger.projections.support.DemoFixtures.TESTER;
import static cn.creditbank.ledger.projections.support.DemoFixtures.loadCatalogue;
import static cn.creditbank.ledger.projections.support.DemoFixtures.moduleResult;
import static cn.creditbank.ledger.projections.support.DemoFixtures.openLearner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Long learner streams are snapshotted, and an account restored from a snapshot decides exactly as before. */
class LearnerSnapshotTest {

    private static final Map<String, Object> SNAPSHOT_EVERY_5 = Map.of("ledger.snapshot.learner-threshold", 5);

    @Test
    void anAccountRestoredFromItsSnapshotKeepsEveryOutcomeAndReference() {
        String url = TestPostgres.freshDatabaseUrl();
        LearnerId learner;
        try (LedgerNode node = LedgerNode.onDatabase(LedgerApplication.class, url, SNAPSHOT_EVERY_5)) {
            loadCatalogue(node);
            learner = openLearner(node);
            for (int i = 1; i <= 12; i++) {
                node.commands().sendAndWait(moduleResult(learner, "M" + i, "snapshot-ref-" + i, 60 + i));
            }
            node.commands().sendAndWait(new VoidOutcome(learner, OutcomeId.of("M3"), "录入错误", TESTER));
            assertThat(snapshots(node, learner)).isPositive();
        }

        try (LedgerNode restarted = LedgerNode.onDatabase(LedgerApplication.class, url, SNAPSHOT_EVERY_5)) {
            long events = eventCount(restarted, learner);
            assertThat(restarted.commands().<Object>sendAndWait(moduleResult(learner, "M1-again", "snapshot-ref-1", 61)))
                    .isEqualTo(OutcomeId.of("M1"));
            assertThatThrownBy(() -> restarted.commands().sendAndWait(
                    new VoidOutcome(learner, OutcomeId.of("M3"), "重复作废", TESTER)))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.OUTCOME_ALREADY_VOIDED));
            assertThat(eventCount(restarted, learner)).isEqualTo(events);
            restarted.commands().sendAndWait(moduleResult(learner, "M13", "snapshot-ref-13", 90));
            assertThat(eventCount(restarted, learner)).isEqualTo(events + 1);
        }
    }

    private static long snapshots(LedgerNode node, LearnerId learner) {
        return node.jdbc().queryForObject("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Long.class, learner.value());
    }

    private static long eventCount(LedgerNode node, LearnerId learner) {
        return node.jdbc().queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, learner.value());
    }
}
