package cn.creditbank.ledger.projections.transfer;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.transfer.TransferId;
import cn.creditbank.ledger.projections.support.DemoFixtures;
import cn.creditbank.ledger.projections.support.LedgerNode;
import cn.creditbank.projectionstest.ProjectionsTestApplication;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * At most one pending application per learner and programme, enforced in the applying transaction. On a database
 * of its own: the refused append leaves a gap in the global index, which holds back the projections' safe position
 * that other scenarios wait for.
 */
class OnePendingApplicationTest {

    @Test
    void aSecondPendingApplicationToTheSameProgrammeIsRefusedAndStoresNothing() {
        try (LedgerNode node = DemoFixtures.nodeWithCatalogue(ProjectionsTestApplication.class)) {
            var steps = new TransferSteps(node);
            LearnerId learner = steps.learnerLikeZhangsan();
            TransferId first = steps.apply(learner);
            var second = steps.application(TransferId.of(UUID.randomUUID().toString()), learner);
            steps.awaitProjections();
            long events = steps.eventCount();

            assertThatThrownBy(() -> steps.send(second)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.TRANSFER_ALREADY_PENDING));

            assertThat(steps.eventCount()).isEqualTo(events);
            assertThat(node.bean(TransferApplications.class).ofLearner(learner)).extracting(TransferView::transferId)
                    .containsExactly(first);
        }
    }
}
