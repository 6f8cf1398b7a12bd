package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.demo.DemoCatalogue;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.LadderCode;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.RuleId;
import cn.creditbank.ledger.core.shared.UnitCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.creditbank.ledger.projections.credit.DemoSnapshot.CATALOGUE;
import static cn.creditbank.ledger.projections.credit.DemoSnapshot.certificate;
import static cn.creditbank.ledger.projections.credit.DemoSnapshot.scored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The branches of DOMAIN §5 that the worked example does not reach. */
class TransferEvaluatorTest {

    private static final ProgrammeCode DIPLOMA = DemoCatalogue.SOFTWARE_DIPLOMA;

    @Test
    void aNonExemptableTargetIsReportedAndNeverTransferred() {
        var mentor = certificate("A1", "AIGC", "ICDC", "导师级", "2024-02-01");

        Evaluation evaluation = TransferEvaluator.evaluate(List.of(mentor), DIPLOMA, CATALOGUE, LocalDate.of(2024, 3, 1));

        assertThat(evaluation.excluded()).containsExactly(new Exclusion(OutcomeId.of("A1"), RuleId.of("R-AIGC-PRJ"),
                UnitCode.of("OUC-SE115"), ExclusionReason.NOT_EXEMPTABLE));
        assertThat(evaluation.transferredCredits()).hasToString("0.00");
    }

    @Test
    void anOutcomeUsedByOneRuleIsNotUsedByAnother() {
        var mentor = certificate("A1", "AIGC", "ICDC", "导师级", "2025-02-01");

        Evaluation evaluation = TransferEvaluator.evaluate(List.of(mentor), DIPLOMA, CATALOGUE, LocalDate.of(2026, 11, 1));

        assertThat(evaluation.courses()).filteredOn(c -> c.status() == CourseStatus.TRANSFERRED)
                .extracting(c -> c.courseCode().value() + " " + c.ruleId()).containsExactly("OUC-SE105 R-AIGC");
        assertThat(evaluation.excluded()).extracting(Exclusion::reason).containsExactly(ExclusionReason.ALREADY_USED);
    }

    @Test
    void approvedCoursesCountAsTransferredAndTheirOutcomeIsUsed() {
        var java = certificate("O1", "CSTP-JAVA", "CSIA", "中级", "2024-05-10");
        var approvedProgramming = new ApprovedTransfer(UnitCode.of("OUC-SE101"), OutcomeId.of("O1"),
                RuleId.of("R-CSTP-JAVA"), 1);

        Evaluation evaluation = TransferEvaluator.evaluate(List.of(java), DIPLOMA, CATALOGUE, LocalDate.of(2026, 11, 1),
                List.of(approvedProgramming));

        assertThat(evaluation.courses()).filteredOn(c -> c.status() == CourseStatus.TRANSFERRED)
                .extracting(c -> c.courseCode().value()).containsExactly("OUC-SE101");
        assertThat(evaluation.transferredCredits()).hasToString("4.00");
        assertThat(evaluation.excluded()).extracting(Exclusion::reason).containsExactly(ExclusionReason.ALREADY_USED);
    }

    @Test
    void theRecencyWindowIncludesItsFirstDay() {
        var exam = scored("E1", "NCRE-2-JAVA", "NEEA", 78, "2021-11-01");

        Evaluation onTheEdge = TransferEvaluator.evaluate(List.of(exam), DIPLOMA, CATALOGUE, LocalDate.of(2026, 11, 1));
        Evaluation dayAfter = TransferEvaluator.evaluate(List.of(exam), DIPLOMA, CATALOGUE, LocalDate.of(2026, 11, 2));

        assertThat(onTheEdge.transferredCredits()).hasToString("4.00");
        assertThat(dayAfter.excluded()).extracting(Exclusion::reason)
                .containsExactly(ExclusionReason.OUTSIDE_RECENCY_WINDOW);
    }

    @Test
    void theMostRecentOutcomeEarnsACourseAndAnOlderOneIsAlreadySatisfied() {
        var first = scored("C1", "OUC-SE107", "OUC", 70, "2025-01-10");
        var retake = scored("C2", "OUC-SE107", "OUC", 65, "2026-01-15");

        Evaluation evaluation = TransferEvaluator.evaluate(List.of(first, retake), DIPLOMA, CATALOGUE,
                LocalDate.of(2026, 11, 1));

        assertThat(evaluation.courses()).filteredOn(c -> c.status() == CourseStatus.EARNED)
                .extracting(c -> c.outcomeId().value()).containsExactly("C2");
        assertThat(evaluation.excluded()).extracting(e -> e.outcomeId().value() + " " + e.reason())
                .containsExactly("C1 ALREADY_SATISFIED");
    }

    @Test
    void refusesAnUnknownProgrammeOrLadder() {
        assertThatThrownBy(() -> TransferEvaluator.evaluate(List.of(), ProgrammeCode.of("NOPE"), CATALOGUE,
                LocalDate.of(2026, 11, 1))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_PROGRAMME));
        assertThatThrownBy(() -> GradeCalculator.progress(List.of(), LadderCode.of("NOPE"), CATALOGUE,
                LocalDate.of(2026, 11, 1))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_LADDER));
    }

    @Test
    void aLearnerWithoutOutcomesHasNoGradeAndTheFirstGradeNext() {
        GradeProgress progress = GradeCalculator.progress(List.of(), DemoCatalogue.AI_TRAINER, CATALOGUE,
                LocalDate.of(2026, 11, 1));

        assertThat(progress.currentGrade()).isNull();
        assertThat(progress.nextGrade()).isEqualTo("初级工");
        assertThat(progress.unmet()).containsExactly(
                new UnmetRequirement("CERTIFICATE_AT_LEAST:AIGC:通用级", null, "通用级"));
    }
}
