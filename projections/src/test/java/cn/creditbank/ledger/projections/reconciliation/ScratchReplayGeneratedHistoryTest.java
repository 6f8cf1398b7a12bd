package cn.creditbank.ledger.projections.reconciliation;

import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.projections.support.LedgerNode;
import cn.creditbank.ledger.projections.support.TestPostgres;
import cn.creditbank.projectionstest.ProjectionsTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.creditbank.ledger.projections.eventstore.ProjectionProcessors.OUTCOME_HISTORY;
import static cn.creditbank.ledger.projections.eventstore.ProjectionProcessors.TRANSFERS;
import static cn.creditbank.ledger.projections.support.DemoFixtures.loadCatalogue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated history of 50 learners (300 random outcomes, corrections, voids, revocations, transfer applications
 * decided before and after the middle, sources withdrawn after approval and while pending), replayed in full and
 * cut at instants along the way: each cut must equal the live model as it stood then.
 */
class ScratchReplayGeneratedHistoryTest {

    private static LedgerNode node;
    private static Instant middle;
    private static final List<Instant> checkpoints = new ArrayList<>();

    @BeforeAll
    static void generateHistory() {
        node = LedgerNode.onDatabase(ProjectionsTestApplication.class, TestPostgres.freshDatabaseUrl(), Map.of());
        loadCatalogue(node);
        checkpoints.add(Instant.now()); // the catalogue only
        ReplayScenario ledger = new ReplayScenario(node, 20261123L);

        List<LearnerId> first = ledger.learners(25, 6);
        ledger.amend(first, 0.1, 0.08, 0.15);
        checkpoints.add(Instant.now());
        List<ReplayScenario.Application> applications = first.stream().map(ledger::apply)
                .flatMap(Optional::stream).toList();
        assertThat(applications).hasSizeGreaterThan(8);
        List<ReplayScenario.Application> pending = new ArrayList<>();
        for (int i = 0; i < applications.size(); i++) {
            if (i % 3 == 2) {
                pending.add(applications.get(i));
            } else {
                ledger.decide(applications.get(i), i % 3 == 0 ? 0 : 1 + i % 2); // approve all, reject, or approve some
            }
        }
        ledger.awaitProjections();
        middle = Instant.now();
        checkpoints.add(middle);

        for (int i = 0; i < applications.size(); i++) { // sources withdrawn after decisions (approvals get AFFECTED)
            if (i % 2 == 0) {
                ReplayScenario.Application application = applications.get(i);
                ledger.withdraw(application.learner(), application.sources().get(0));
            }
        }
        for (int i = 0; i < pending.size(); i++) { // decided later; some sources withdrawn while still pending
            ReplayScenario.Application application = pending.get(i);
            if (i % 2 == 1) {
                OutcomeId source = application.sources().get(application.sources().size() - 1);
                ledger.withdraw(application.learner(), source);
            }
            ledger.decide(application, i % 3);
        }
        checkpoints.add(Instant.now());
        ledger.amend(first, 0.1, 0.05, 0.1); // closes versions that were current in the middle
        List<LearnerId> second = ledger.learners(25, 6);
        ledger.amend(second, 0.1, 0.08, 0.15);
        second.stream().limit(10).map(ledger::apply).flatMap(Optional::stream)
                .forEach(application -> ledger.decide(application, 0));
        ledger.awaitProjections();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void eachProjectionReplayedInFullEqualsTheLiveModel() {
        for (String projection : List.of(OUTCOME_HISTORY, TRANSFERS)) {
            ReplayComparison result = timed(projection, null);

            assertThat(result.matches()).as(result.toString()).isTrue();
            assertThat(result.differences()).isEmpty();
        }
        assertThat(node.jdbc().queryForObject("SELECT count(DISTINCT (learner_id, outcome_id)) FROM outcome_version",
                Long.class)).isEqualTo(300);
        assertThat(node.jdbc().queryForList("SELECT DISTINCT status FROM transfer_application", String.class))
                .contains("APPROVED", "REJECTED", "AFFECTED");
    }

    @Test
    void inTheMiddleEachProjectionReplaysToTheLiveModelAsItStoodThen() {
        for (String projection : List.of(OUTCOME_HISTORY, TRANSFERS)) {
            ReplayComparison cut = timed(projection, middle);
            ReplayComparison full = node.bean(ScratchReplay.class).replay(projection, null);

            assertThat(cut.matches()).as(cut.toString()).isTrue();
            assertThat(cut.liveChecksum()).isNotEqualTo(full.liveChecksum());
            assertThat(cut.events()).isLessThan(full.events());
        }
        // the middle saw applications still pending that were decided later, and no withdrawal yet
        assertThat(node.jdbc().queryForObject(
                "SELECT count(*) FROM transfer_application WHERE applied_at <= ? AND decided_at > ?", Long.class,
                java.sql.Timestamp.from(middle), java.sql.Timestamp.from(middle))).isPositive();
        assertThat(node.jdbc().queryForObject(
                "SELECT count(*) FROM outcome_version WHERE known_from <= ? AND known_until > ?", Long.class,
                java.sql.Timestamp.from(middle), java.sql.Timestamp.from(middle))).isPositive();
    }

    @Test
    void atEveryCheckpointEachProjectionReplaysToTheLiveModelAsItStoodThen() {
        for (Instant checkpoint : checkpoints) {
            for (String projection : List.of(OUTCOME_HISTORY, TRANSFERS)) {
                ReplayComparison result = node.bean(ScratchReplay.class).replay(projection, checkpoint);

                assertThat(result.matches()).as(checkpoint + " " + result).isTrue();
            }
        }
    }

    private static ReplayComparison timed(String projection, Instant knownAt) {
        long started = System.nanoTime();
        ReplayComparison result = node.bean(ScratchReplay.class).replay(projection, knownAt);
        System.out.printf("replay of %s (knownAt %s): %d events in %d ms%n", projection, knownAt, result.events(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return result;
    }
}
