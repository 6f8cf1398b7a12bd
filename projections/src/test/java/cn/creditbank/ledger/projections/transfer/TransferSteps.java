package cn.creditbank.ledger.projections.transfer;

import cn.creditbank.ledger.core.demo.DemoLearners;
import cn.creditbank.ledger.core.outcome.OpenLearnerAccount;
import cn.creditbank.ledger.core.outcome.OutcomeFacts;
import cn.creditbank.ledger.core.outcome.RecordOutcome;
import cn.creditbank.ledger.core.outcome.VoidOutcome;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.transfer.ApplyForTransfer;
import cn.creditbank.ledger.core.transfer.ProposedTransfer;
import cn.creditbank.ledger.core.transfer.RuleVersionRef;
import cn.creditbank.ledger.core.transfer.TransferId;
import cn.creditbank.ledger.projections.credit.CourseResult;
import cn.creditbank.ledger.projections.credit.CourseStatus;
import cn.creditbank.ledger.projections.credit.Evaluation;
import cn.creditbank.ledger.projections.credit.FindEvaluation;
import cn.creditbank.ledger.projections.eventstore.ProjectionPositions;
import cn.creditbank.ledger.projections.support.LedgerNode;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.creditbank.ledger.core.demo.DemoCatalogue.SOFTWARE_DIPLOMA;
import static cn.creditbank.ledger.projections.eventstore.ProjectionProcessors.OUTCOME_HISTORY;
import static cn.creditbank.ledger.projections.eventstore.ProjectionProcessors.TRANSFERS;
import static cn.creditbank.ledger.projections.support.DemoFixtures.TESTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of the transfer-application scenarios on one node: learners with 张三's history (DOMAIN §6), applying
 * on the current evaluation into OUC-SE-DIP as the API does, and reading through the query bus once the
 * projections have caught up.
 */
record TransferSteps(LedgerNode node) {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    static final InstitutionCode OUC = InstitutionCode.of("OUC");
    static final InstitutionCode DEMO_VOC = InstitutionCode.of("DEMO-VOC");
    static final Duration CATCH_UP = Duration.ofSeconds(20);

    /** A new learner with 张三's history (own external references, since those are unique across the bank). */
    LearnerId learnerLikeZhangsan() {
        LearnerId learner = LearnerId.of(UUID.randomUUID().toString());
        String suffix = "-" + learner.value().substring(0, 8);
        send(new OpenLearnerAccount(learner, TESTER));
        for (Object command : DemoLearners.zhangsan(TESTER).commands()) {
            if (command instanceof RecordOutcome record) {
                OutcomeFacts f = record.facts();
                send(new RecordOutcome(learner, record.outcomeId(), new OutcomeFacts(f.kind(), f.unitCode(),
                        f.issuer(), f.externalRef() + suffix, f.date(), f.score(), f.hours(), f.level(),
                        f.certificateNo(), f.validUntil()), TESTER));
            } else if (command instanceof VoidOutcome voiding) {
                send(new VoidOutcome(learner, voiding.outcomeId(), voiding.reason(), TESTER));
            }
        }
        return learner;
    }

    TransferId apply(LearnerId learner) {
        TransferId transfer = TransferId.of(UUID.randomUUID().toString());
        send(application(transfer, learner));
        return transfer;
    }

    /** An application on the learner's current evaluation: every course it marks TRANSFERRED. */
    ApplyForTransfer application(TransferId transfer, LearnerId learner) {
        Evaluation evaluation = evaluation(learner, null);
        List<ProposedTransfer> proposed = evaluation.courses().stream()
                .filter(c -> c.status() == CourseStatus.TRANSFERRED)
                .map(c -> new ProposedTransfer(c.courseCode(), c.credits(), c.outcomeId(), c.ruleId(), c.ruleVersion()))
                .toList();
        return new ApplyForTransfer(transfer, learner, SOFTWARE_DIPLOMA, evaluation.programmeVersion(), OUC, AS_OF,
                Instant.now(), proposed, evaluation.earnedCredits(), evaluation.transferredCredits(), evaluation.cap(),
                evaluation.rulesUsed().stream().map(r -> new RuleVersionRef(r.ruleId(), r.version())).toList(),
                TESTER);
    }

    void send(Object command) {
        node.commands().sendAndWait(command);
    }

    TransferView find(TransferId transfer) {
        return query(new FindTransfer(transfer), TransferView.class);
    }

    List<TransferView> learnerTransfers(LearnerId learner) {
        awaitProjections();
        return node.bean(QueryGateway.class).query(new FindLearnerTransfers(learner),
                ResponseTypes.multipleInstancesOf(TransferView.class)).join();
    }

    Evaluation evaluation(LearnerId learner, Instant knownAt) {
        return query(new FindEvaluation(learner, SOFTWARE_DIPLOMA, AS_OF, knownAt), Evaluation.class);
    }

    static CourseResult course(Evaluation evaluation, String code) {
        return evaluation.courses().stream().filter(c -> c.courseCode().value().equals(code)).findFirst()
                .orElseThrow();
    }

    TransferApplications applications() {
        awaitProjections();
        return node.bean(TransferApplications.class);
    }

    <R> R query(Object query, Class<R> type) {
        awaitProjections();
        return node.bean(QueryGateway.class).query(query, ResponseTypes.instanceOf(type)).join();
    }

    long eventCount() {
        return node.jdbc().queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    void awaitProjections() {
        ProjectionPositions positions = node.bean(ProjectionPositions.class);
        long head = positions.head();
        assertThat(positions.awaitPosition(OUTCOME_HISTORY, head, CATCH_UP)).isTrue();
        assertThat(positions.awaitPosition(TRANSFERS, head, CATCH_UP)).isTrue();
    }
}
