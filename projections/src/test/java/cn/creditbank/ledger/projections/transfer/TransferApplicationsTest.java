package cn.creditbank.ledger.projections.transfer;

import cn.creditbank.ledger.core.demo.DemoLearners;
import cn.creditbank.ledger.core.outcome.RevokeCertificate;
import cn.creditbank.ledger.core.outcome.VoidOutcome;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.UnitCode;
import cn.creditbank.ledger.core.transfer.ApproveTransfer;
import cn.creditbank.ledger.core.transfer.RejectTransfer;
import cn.creditbank.ledger.core.transfer.TransferId;
import cn.creditbank.ledger.projections.credit.CourseResult;
import cn.creditbank.ledger.projections.credit.CourseStatus;
import cn.creditbank.ledger.projections.credit.Evaluation;
import cn.creditbank.ledger.projections.reconciliation.ProjectionReplay;
import cn.creditbank.ledger.projections.reconciliation.ReadModelChecksum;
import cn.creditbank.ledger.projections.support.LedgerNode;
import cn.creditbank.ledger.projections.support.TestPostgres;
import cn.creditbank.projectionstest.ProjectionsTestApplication;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.creditbank.ledger.projections.eventstore.ProjectionProcessors.TRANSFERS;
import static cn.creditbank.ledger.projections.support.DemoFixtures.TESTER;
import static cn.creditbank.ledger.projections.support.DemoFixtures.loadCatalogue;
import static cn.creditbank.ledger.projections.support.DemoFixtures.loadLearner;
import static cn.creditbank.ledger.projections.transfer.TransferSteps.AS_OF;
import static cn.creditbank.ledger.projections.transfer.TransferSteps.CATCH_UP;
import static cn.creditbank.ledger.projections.transfer.TransferSteps.DEMO_VOC;
import static cn.creditbank.ledger.projections.transfer.TransferSteps.OUC;
import static cn.creditbank.ledger.projections.transfer.TransferSteps.course;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Credit-transfer applications (DOMAIN §5) through the real command bus, processors and query bus on PostgreSQL.
 * Each scenario applies for a learner with 张三's history (DOMAIN §6) into OUC-SE-DIP, which proposes SE106 by O5,
 * SE105 by O4, SE101 and SE110 by O1.
 */
class TransferApplicationsTest {

    private static LedgerNode node;
    private static TransferSteps steps;

    @BeforeAll
    static void start() {
        node = LedgerNode.onDatabase(ProjectionsTestApplication.class, TestPostgres.freshDatabaseUrl(), Map.of());
        loadCatalogue(node);
        steps = new TransferSteps(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void anApplicationIsPendingWithTheEvaluationItWasMadeOn() {
        LearnerId learner = steps.learnerLikeZhangsan();
        TransferId transfer = steps.apply(learner);

        TransferView view = steps.find(transfer);
        assertThat(view.status()).isEqualTo(TransferStatus.PENDING);
        assertThat(view.learnerId()).isEqualTo(learner);
        assertThat(view.institution()).isEqualTo(OUC);
        assertThat(view.asOf()).isEqualTo(AS_OF);
        assertThat(view.courses()).extracting(TransferApplicationsTest::describe).containsExactlyInAnyOrder(
                "OUC-SE106 O5 R-VOC-DA proposed", "OUC-SE105 O4 R-AIGC proposed",
                "OUC-SE101 O1 R-CSTP-JAVA proposed", "OUC-SE110 O1 R-CSTP-JAVA proposed");
        assertThat(view.earnedCredits()).hasToString("4.00");
        assertThat(view.transferredCredits()).hasToString("14.00");
        assertThat(view.cap()).hasToString("21.00");
        assertThat(view.rulesUsed()).extracting(r -> r.ruleId().value()).contains("R-VOC-DA", "R-CSTP-JAVA");
        assertThat(view.decidedAt()).isNull();
        assertThat(view.affectedBy()).isEmpty();
        assertThat(steps.learnerTransfers(learner)).extracting(TransferView::transferId).containsExactly(transfer);
        assertThat(steps.applications().hasApplied(learner, OUC)).isTrue();
        assertThat(steps.applications().hasApplied(learner, DEMO_VOC)).isFalse();
    }

    @Test
    void approvingWithoutNamingCoursesApprovesEveryProposedCourse() {
        TransferId transfer = steps.apply(steps.learnerLikeZhangsan());

        steps.send(new ApproveTransfer(transfer, null, OUC, "ouc-registrar"));

        TransferView view = steps.find(transfer);
        assertThat(view.status()).isEqualTo(TransferStatus.APPROVED);
        assertThat(view.decidedBy()).isEqualTo(OUC);
        assertThat(view.decisionRecordedBy()).isEqualTo("ouc-registrar");
        assertThat(view.decidedAt()).isNotNull();
        assertThat(view.courses()).hasSize(4).allSatisfy(c -> {
            assertThat(c.approved()).isTrue();
            assertThat(c.approvedAt()).isEqualTo(view.decidedAt());
        });
    }

    @Test
    void approvingSomeCoursesApprovesOnlyThose() {
        TransferId transfer = steps.apply(steps.learnerLikeZhangsan());

        steps.send(new ApproveTransfer(transfer, Set.of(UnitCode.of("OUC-SE106"), UnitCode.of("OUC-SE105")), OUC,
                TESTER));

        assertThat(steps.find(transfer).courses()).extracting(TransferApplicationsTest::describe)
                .containsExactlyInAnyOrder("OUC-SE106 O5 R-VOC-DA approved", "OUC-SE105 O4 R-AIGC approved",
                        "OUC-SE101 O1 R-CSTP-JAVA proposed", "OUC-SE110 O1 R-CSTP-JAVA proposed");
    }

    @Test
    void aRejectionKeepsItsReasonAndApprovesNothing() {
        TransferId transfer = steps.apply(steps.learnerLikeZhangsan());

        steps.send(new RejectTransfer(transfer, "证书与课程内容不对应", OUC, TESTER));

        TransferView view = steps.find(transfer);
        assertThat(view.status()).isEqualTo(TransferStatus.REJECTED);
        assertThat(view.reason()).isEqualTo("证书与课程内容不对应");
        assertThat(view.decidedAt()).isNotNull();
        assertThat(view.courses()).noneMatch(TransferCourse::approved);
    }

    @Test
    void aDecisionLetsTheLearnerApplyAgain() {
        LearnerId learner = steps.learnerLikeZhangsan();
        TransferId first = steps.apply(learner);
        steps.send(new RejectTransfer(first, "材料不全", OUC, TESTER));

        TransferId second = steps.apply(learner);

        assertThat(steps.learnerTransfers(learner)).extracting(TransferView::transferId)
                .containsExactly(second, first);
    }

    @Test
    void revokingASourceCertificateAfterApprovalFlagsTheApplicationAffectedAndUndoesNothing() {
        loadLearner(node, DemoLearners.zhangsan(TESTER));
        TransferId transfer = steps.apply(DemoLearners.ZHANGSAN);
        steps.send(new ApproveTransfer(transfer, null, OUC, TESTER));

        steps.send(new RevokeCertificate(DemoLearners.ZHANGSAN, OutcomeId.of("O1"), "证书被发证机构撤销",
                LocalDate.of(2026, 10, 1), TESTER));

        TransferView view = steps.find(transfer);
        assertThat(view.status()).isEqualTo(TransferStatus.AFFECTED);
        assertThat(view.affectedBy()).singleElement().satisfies(affected -> {
            assertThat(affected.outcomeId()).isEqualTo(OutcomeId.of("O1"));
            assertThat(affected.cause()).isEqualTo(WithdrawalCause.REVOKED);
            assertThat(affected.at()).isAfter(view.decidedAt());
        });
        Evaluation evaluation = steps.evaluation(DemoLearners.ZHANGSAN, null);
        assertThat(course(evaluation, "OUC-SE101").status()).isEqualTo(CourseStatus.TRANSFERRED);
        assertThat(course(evaluation, "OUC-SE110").outcomeId()).isEqualTo(OutcomeId.of("O1"));
        assertThat(evaluation.transferredCredits()).hasToString("14.00");
    }

    @Test
    void voidingASourceOutcomeAfterApprovalFlagsTheApplicationAffected() {
        LearnerId learner = steps.learnerLikeZhangsan();
        TransferId transfer = steps.apply(learner);
        steps.send(new ApproveTransfer(transfer, null, OUC, TESTER));

        steps.send(new VoidOutcome(learner, OutcomeId.of("O5"), "录入错误", TESTER));

        TransferView view = steps.find(transfer);
        assertThat(view.status()).isEqualTo(TransferStatus.AFFECTED);
        assertThat(view.affectedBy()).extracting(a -> a.outcomeId().value() + " " + a.cause())
                .containsExactly("O5 VOIDED");
    }

    @Test
    void voidingTheSourceOfACourseNotApprovedLeavesTheApprovalStanding() {
        LearnerId learner = steps.learnerLikeZhangsan();
        TransferId transfer = steps.apply(learner);
        steps.send(new ApproveTransfer(transfer, Set.of(UnitCode.of("OUC-SE106")), OUC, TESTER));

        steps.send(new VoidOutcome(learner, OutcomeId.of("O4"), "录入错误", TESTER));

        TransferView view = steps.find(transfer);
        assertThat(view.status()).isEqualTo(TransferStatus.APPROVED);
        assertThat(view.affectedBy()).extracting(a -> a.outcomeId().value()).containsExactly("O4");
    }

    @Test
    void aPendingApplicationWhoseSourceIsVoidedStaysPendingAndIsAffectedOnceApproved() {
        LearnerId learner = steps.learnerLikeZhangsan();
        TransferId transfer = steps.apply(learner);

        steps.send(new VoidOutcome(learner, OutcomeId.of("O5"), "录入错误", TESTER));
        TransferView pending = steps.find(transfer);
        steps.send(new ApproveTransfer(transfer, null, OUC, TESTER));

        assertThat(pending.status()).isEqualTo(TransferStatus.PENDING);
        assertThat(pending.affectedBy()).extracting(a -> a.outcomeId().value() + " " + a.cause())
                .containsExactly("O5 VOIDED");
        assertThat(steps.find(transfer).status()).isEqualTo(TransferStatus.AFFECTED);
    }

    @Test
    void anApprovedCourseCountsAsTransferredForAnswersKnownAfterTheApprovalOnly() {
        LearnerId learner = steps.learnerLikeZhangsan();
        TransferId transfer = steps.apply(learner);
        steps.send(new VoidOutcome(learner, OutcomeId.of("O5"), "录入错误", TESTER));
        Instant beforeApproval = Instant.now();

        steps.send(new ApproveTransfer(transfer, Set.of(UnitCode.of("OUC-SE106")), OUC, TESTER));

        CourseResult before = course(steps.evaluation(learner, beforeApproval), "OUC-SE106");
        CourseResult after = course(steps.evaluation(learner, null), "OUC-SE106");
        assertThat(before.status()).isEqualTo(CourseStatus.MISSING);
        assertThat(after.status()).isEqualTo(CourseStatus.TRANSFERRED);
        assertThat(after.outcomeId()).isEqualTo(OutcomeId.of("O5"));
        assertThat(after.ruleId().value()).isEqualTo("R-VOC-DA");
    }

    @Test
    void aDecisionOnAnApplicationThatDoesNotExistIsRefusedAsUnknownTransfer() {
        TransferId unknown = TransferId.of(UUID.randomUUID().toString());

        assertThatThrownBy(() -> steps.send(new ApproveTransfer(unknown, null, OUC, TESTER)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TRANSFER));
        assertThatThrownBy(() -> steps.find(unknown)).rootCause().isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TRANSFER));
    }

    @Test
    void anInstitutionSeesItsApplicationsNewestFirstOnePageAtATime() {
        steps.apply(steps.learnerLikeZhangsan());
        TransferId newest = steps.apply(steps.learnerLikeZhangsan());

        TransferPage page = steps.query(new FindInstitutionTransfers(OUC, TransferStatus.PENDING, 0, 1),
                TransferPage.class);
        TransferPage other = steps.query(new FindInstitutionTransfers(DEMO_VOC, null, 0, 50), TransferPage.class);

        assertThat(page.items()).extracting(TransferView::transferId).containsExactly(newest);
        assertThat(page.total()).isGreaterThanOrEqualTo(2);
        assertThat(other.items()).isEmpty();
        assertThat(other.total()).isZero();
    }

    @Test
    void eventsDeliveredAgainAndAReplayFromZeroGiveTheSameReadModel() {
        LearnerId learner = steps.learnerLikeZhangsan();
        TransferId transfer = steps.apply(learner);
        steps.send(new ApproveTransfer(transfer, Set.of(UnitCode.of("OUC-SE101"), UnitCode.of("OUC-SE110")), OUC,
                TESTER));
        steps.send(new VoidOutcome(learner, OutcomeId.of("O1"), "录入错误", TESTER));
        steps.awaitProjections();
        String live = checksum();

        rewindTransfersToTheFirstEvent();
        String redelivered = checksum();
        assertThat(node.bean(ProjectionReplay.class).rebuild(TRANSFERS, CATCH_UP)).isTrue();
        String replayed = checksum();

        assertThat(redelivered).isEqualTo(live);
        assertThat(replayed).isEqualTo(live);
        assertThat(steps.find(transfer).status()).isEqualTo(TransferStatus.AFFECTED);
    }

    private static String describe(TransferCourse course) {
        return course.courseCode() + " " + course.outcomeId() + " " + course.ruleId() + " "
                + (course.approved() ? "approved" : "proposed");
    }

    private static String checksum() {
        return node.bean(ReadModelChecksum.class).transfers();
    }

    /** As if the node died after applying its batches but before storing its tokens: everything comes again. */
    private static void rewindTransfersToTheFirstEvent() {
        StreamingEventProcessor projection = node.bean(EventProcessingConfiguration.class)
                .eventProcessor(TRANSFERS, StreamingEventProcessor.class).orElseThrow();
        projection.shutDown();
        var rewound = node.bean(Serializer.class).serialize(GapAwareTrackingToken.newInstance(0, List.of()),
                byte[].class);
        node.jdbc().update("UPDATE token_entry SET token = ?, token_type = ? WHERE processor_name = ?",
                rewound.getData(), rewound.getType().getName(), TRANSFERS);
        projection.start();
        steps.awaitProjections();
    }
}
