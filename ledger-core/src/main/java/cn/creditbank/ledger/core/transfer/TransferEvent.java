package cn.creditbank.ledger.core.transfer;

import cn.creditbank.ledger.core.shared.LearnerId;

/** What every event of a transfer application carries: read models sequence them with the learner's outcomes. */
public sealed interface TransferEvent permits TransferApplied, TransferApproved, TransferRejected {

    TransferId transferId();

    LearnerId learnerId();
}
