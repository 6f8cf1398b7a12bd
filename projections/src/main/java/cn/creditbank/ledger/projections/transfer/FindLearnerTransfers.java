package cn.creditbank.ledger.projections.transfer;

import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.Require;

/** Every application of a learner, newest first; answers a list of {@link TransferView}. */
public record FindLearnerTransfers(LearnerId learnerId) {

    public FindLearnerTransfers {
        Require.present(learnerId, "learnerId");
    }
}
