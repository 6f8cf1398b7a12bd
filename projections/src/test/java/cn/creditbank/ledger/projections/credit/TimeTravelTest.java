package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.catalogue.DefineProgramme;
import cn.creditbank.ledger.core.catalogue.ProgrammeDefinition;
import cn.creditbank.ledger.core.catalogue.TransferPolicy;
import cn.creditbank.ledger.core.demo.DemoCatalogue;
import cn.creditbank.ledger.core.demo.DemoLearners;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.projections.eventstore.ProjectionPositions;
import cn.creditbank.ledger.projections.support.LedgerNode;
import cn.creditbank.ledger.projections.support.TestPostgres;
import cn.creditbank.projectionstest.ProjectionsTestApplication;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
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
 * 张三's evaluation on several dates in the world (certificates awarded and expiring, rules coming into effect) and
 * before and after the programme's transfer cap was changed in the catalogue.
 */
class TimeTravelTest {

    private static LedgerNode node;

    @BeforeAll
    static void loadWorkedExample() {
        node = LedgerNode.onDatabase(ProjectionsTestApplication.class, TestPostgres.freshDatabaseUrl(), Map.of());
        loadCatalogue(node);
        loadLearner(node, DemoLearners.zhangsan(TESTER));
        ProjectionPositions positions = node.bean(ProjectionPositions.class);
        assertThat(positions.awaitPosition(OUTCOME_HISTORY, positions.head(), Duration.ofSeconds(20))).isTrue();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void beforeTheDatabaseCertificateExpiredItExemptsDatabaseApplications() {
        Evaluation evaluation = evaluate("2025-02-27", null);

        assertThat(transfers(evaluation)).containsExactlyInAnyOrder("OUC-SE101 O1", "OUC-SE110 O1", "OUC-SE102 O3");
        assertThat(evaluation.transferredCredits()).hasToString("12.00");
        assertThat(reasons(evaluation)).contains("O4 NOT_YET_VALID", "O7 NOT_YET_VALID", "O2 R-NCRE ALREADY_SATISFIED");
    }

    @Test
    void aRuleCountsOnlyOnceItIsInEffect() {
        Evaluation evaluation = evaluate("2025-03-15", null);

        assertThat(transfers(evaluation)).contains("OUC-SE105 O7");
        assertThat(reasons(evaluation)).contains("O3 EXPIRED");
        assertThat(evaluation.transferredCredits()).hasToString("11.00");
    }

    @Test
    void afterTheJavaCertificateExpiresTheExamExemptsProgrammingInstead() {
        Evaluation evaluation = evaluate("2027-05-10", null);

        assertThat(reasons(evaluation)).contains("O1 EXPIRED");
        assertThat(transfers(evaluation)).containsExactlyInAnyOrder("OUC-SE106 O5", "OUC-SE105 O4", "OUC-SE101 O2");
        assertThat(evaluation.transferredCredits()).hasToString("10.00");
    }

    @Test
    void balanceOnAnEarlierDateCountsOnlyWhatHadHappened() {
        Balance balance = node.bean(QueryGateway.class).query(new FindBalance(DemoLearners.ZHANGSAN,
                LocalDate.of(2024, 1, 1), null), ResponseTypes.instanceOf(Balance.class)).join();

        assertThat(balance.accumulatedCredits()).hasToString("8.00");
        assertThat(balance.outcomeCount()).isEqualTo(2);
    }

    @Test
    void lowerTransferCapAppliesOnlyToAnswersKnownAfterTheCatalogueChanged() {
        Instant beforeChange = Instant.now();
        var current = node.bean(cn.creditbank.ledger.core.catalogue.Catalogue.class)
                .programme(DemoCatalogue.SOFTWARE_DIPLOMA).orElseThrow().definition();
        node.commands().sendAndWait(new DefineProgramme(DemoCatalogue.SOFTWARE_DIPLOMA, withShare(current, "0.2"),
                TESTER));

        Evaluation now = evaluate("2026-11-01", null);
        Evaluation before = evaluate("2026-11-01", beforeChange);

        assertThat(now.cap()).hasToString("12.00");
        assertThat(now.programmeVersion()).isEqualTo(2);
        assertThat(transfers(now)).containsExactlyInAnyOrder("OUC-SE106 O5", "OUC-SE105 O4", "OUC-SE101 O2");
        assertThat(reasons(now)).contains("O1 R-CSTP-JAVA CAP_EXCEEDED");
        assertThat(now.transferredCredits()).hasToString("10.00");
        assertThat(before.cap()).hasToString("21.00");
        assertThat(before.transferredCredits()).hasToString("14.00");
    }

    private static ProgrammeDefinition withShare(ProgrammeDefinition programme, String share) {
        TransferPolicy policy = programme.transferPolicy();
        return new ProgrammeDefinition(programme.institution(), programme.titleZh(), programme.titleEn(),
                programme.award(), programme.requiredCredits(), programme.courses(),
                new TransferPolicy(new BigDecimal(share), policy.recencyYears(), policy.minimumScore()));
    }

    private static Evaluation evaluate(String asOf, Instant knownAt) {
        ProgrammeCode programme = DemoCatalogue.SOFTWARE_DIPLOMA;
        return node.bean(QueryGateway.class).query(new FindEvaluation(DemoLearners.ZHANGSAN, programme,
                LocalDate.parse(asOf), knownAt), ResponseTypes.instanceOf(Evaluation.class)).join();
    }

    private static java.util.List<String> transfers(Evaluation evaluation) {
        return evaluation.courses().stream().filter(c -> c.status() == CourseStatus.TRANSFERRED)
                .map(c -> c.courseCode() + " " + c.outcomeId()).toList();
    }

    private static java.util.List<String> reasons(Evaluation evaluation) {
        return evaluation.excluded().stream()
                .map(e -> e.outcomeId() + (e.ruleId() == null ? "" : " " + e.ruleId()) + " " + e.reason()).toList();
    }
}
