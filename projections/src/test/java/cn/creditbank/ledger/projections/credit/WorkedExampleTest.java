package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.demo.DemoCatalogue;
import cn.creditbank.ledger.core.demo.DemoLearners;
import cn.creditbank.ledger.core.outcome.RevokeCertificate;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.projections.eventstore.ProjectionPositions;
import cn.creditbank.ledger.projections.support.LedgerNode;
import cn.creditbank.ledger.projections.support.TestPostgres;
import cn.creditbank.projectionstest.ProjectionsTestApplication;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static cn.creditbank.ledger.projections.eventstore.ProjectionProcessors.OUTCOME_HISTORY;
import static cn.creditbank.ledger.projections.support.DemoFixtures.TESTER;
import static cn.creditbank.ledger.projections.support.DemoFixtures.loadCatalogue;
import static cn.creditbank.ledger.projections.support.DemoFixtures.loadLearner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DOMAIN.md §6 through the real processors on PostgreSQL, asserted through the queries: the events go in as
 * commands, the answers come out of the read models.
 */
class WorkedExampleTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    private static LedgerNode node;
    private static Instant beforeVoidOfO9;
    private static Instant afterWorkedExample;

    @BeforeAll
    static void loadWorkedExample() {
        node = LedgerNode.onDatabase(ProjectionsTestApplication.class, TestPostgres.freshDatabaseUrl(), Map.of());
        loadCatalogue(node);
        var zhangsan = DemoLearners.zhangsan(TESTER);
        var untilVoid = zhangsan.commands().subList(0, 9); // O1 … O9, before O9 is voided
        loadLearner(node, new DemoLearners.DemoLearner(zhangsan.learnerId(), "张三", "zhangsan", untilVoid));
        beforeVoidOfO9 = Instant.now();
        zhangsan.commands().subList(9, zhangsan.commands().size()).forEach(node.commands()::sendAndWait);
        afterWorkedExample = Instant.now();
        awaitProjection();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void balanceIsTwentyEightAndAHalfSplitByKind() {
        Balance balance = query(new FindBalance(DemoLearners.ZHANGSAN, AS_OF, null), Balance.class);

        assertThat(balance.accumulatedCredits()).hasToString("28.50");
        assertThat(balance.byKind()).containsEntry(UnitKind.CERTIFICATE, credits("16"))
                .containsEntry(UnitKind.EXAM, credits("4")).containsEntry(UnitKind.MODULE, credits("3.5"))
                .containsEntry(UnitKind.TRAINING, credits("1")).containsEntry(UnitKind.COURSE, credits("4"));
        assertThat(balance.certificates()).extracting(c -> c.outcomeId().value() + " " + c.status())
                .containsExactlyInAnyOrder("O1 ACTIVE", "O3 EXPIRED", "O4 ACTIVE");
        assertThat(balance.certificates()).filteredOn(c -> c.outcomeId().equals(OutcomeId.of("O3")))
                .singleElement().satisfies(c -> assertThat(c.validUntil()).isEqualTo(LocalDate.of(2025, 2, 28)));
    }

    @Test
    void evaluationIntoTheSoftwareDiplomaIsExactlyTheWorkedExample() {
        Evaluation evaluation = query(new FindEvaluation(DemoLearners.ZHANGSAN, DemoCatalogue.SOFTWARE_DIPLOMA, AS_OF,
                null), Evaluation.class);

        assertThat(evaluation.earnedCredits()).hasToString("4.00");
        assertThat(evaluation.transferredCredits()).hasToString("14.00");
        assertThat(evaluation.remainingCredits()).hasToString("42.00");
        assertThat(evaluation.cap()).hasToString("21.00");
        assertThat(evaluation.eligibleForAward()).isFalse();
        assertThat(evaluation.courses()).filteredOn(c -> !c.status().name().equals("MISSING"))
                .extracting(c -> c.courseCode().value() + " " + c.status() + " " + c.outcomeId()
                        + (c.ruleId() == null ? "" : " " + c.ruleId()))
                .containsExactlyInAnyOrder("OUC-SE107 EARNED O8", "OUC-SE106 TRANSFERRED O5 R-VOC-DA",
                        "OUC-SE105 TRANSFERRED O4 R-AIGC", "OUC-SE101 TRANSFERRED O1 R-CSTP-JAVA",
                        "OUC-SE110 TRANSFERRED O1 R-CSTP-JAVA");
        assertThat(evaluation.excluded()).extracting(e -> e.outcomeId().value()
                        + (e.ruleId() == null ? "" : " " + e.ruleId()) + " " + e.reason())
                .contains("O3 EXPIRED", "O6 SCORE_TOO_LOW", "O9 VOIDED", "O10 NOT_MAPPED",
                        "O7 R-ZSWC-DS ALREADY_SATISFIED", "O2 R-NCRE ALREADY_SATISFIED", "O4 R-AIGC-PRJ LEVEL_TOO_LOW");
    }

    @Test
    void microCredentialHasThreeAndAHalfOfSixCredits() {
        Evaluation micro = query(new FindEvaluation(DemoLearners.ZHANGSAN, DemoCatalogue.AI_MANUFACTURING_MICRO,
                AS_OF, null), Evaluation.class);

        assertThat(micro.earnedCredits()).hasToString("3.50");
        assertThat(micro.requiredCredits()).hasToString("6.00");
    }

    @Test
    void aiTrainerLadderIsIntermediateWithTwoRequirementsUnmetForTheNextGrade() {
        GradeProgress progress = query(new FindGradeProgress(DemoLearners.ZHANGSAN, DemoCatalogue.AI_TRAINER, AS_OF,
                null), GradeProgress.class);

        assertThat(progress.currentGrade()).isEqualTo("中级工");
        assertThat(progress.nextGrade()).isEqualTo("高级工");
        assertThat(progress.unmet()).extracting(u -> u.have() + "/" + u.need())
                .containsExactlyInAnyOrder("专业级/导师级", "4.5/6");
    }

    @Test
    void knownAtBeforeTheVoidCountsO9AndAfterItDoesNot() {
        Balance before = query(new FindBalance(DemoLearners.ZHANGSAN, AS_OF, beforeVoidOfO9), Balance.class);
        Balance after = query(new FindBalance(DemoLearners.ZHANGSAN, AS_OF, afterWorkedExample), Balance.class);

        assertThat(before.byKind()).containsEntry(UnitKind.COURSE, credits("8"));
        assertThat(after.byKind()).containsEntry(UnitKind.COURSE, credits("4"));
    }

    @Test
    void aRevocationCountsFromItsDateAndOnlyForAnswersKnownAfterIt() {
        var learner = DemoLearners.lisi(TESTER);
        loadLearner(node, learner);
        awaitProjection();
        Instant beforeRevocation = Instant.now();
        node.commands().sendAndWait(new RevokeCertificate(learner.learnerId(), OutcomeId.of("L2"), "证书造假",
                LocalDate.of(2026, 1, 1), TESTER));
        awaitProjection();

        assertThat(certificateStatus(learner, LocalDate.of(2025, 12, 31), null)).isEqualTo("ACTIVE");
        assertThat(certificateStatus(learner, LocalDate.of(2026, 1, 1), null)).isEqualTo("REVOKED");
        assertThat(certificateStatus(learner, LocalDate.of(2026, 1, 1), beforeRevocation)).isEqualTo("ACTIVE");
    }

    private static String certificateStatus(DemoLearners.DemoLearner learner, LocalDate asOf, Instant knownAt) {
        return query(new FindBalance(learner.learnerId(), asOf, knownAt), Balance.class).certificates().stream()
                .filter(c -> c.outcomeId().equals(OutcomeId.of("L2"))).findFirst().orElseThrow().status().name();
    }

    private static <R> R query(Object query, Class<R> type) {
        return node.bean(QueryGateway.class).query(query, ResponseTypes.instanceOf(type)).join();
    }

    private static cn.creditbank.ledger.core.shared.Credits credits(String value) {
        return cn.creditbank.ledger.core.shared.Credits.of(value);
    }

    private static void awaitProjection() {
        ProjectionPositions positions = node.bean(ProjectionPositions.class);
        assertThat(positions.awaitPosition(OUTCOME_HISTORY, positions.head(), Duration.ofSeconds(20))).isTrue();
    }
}
