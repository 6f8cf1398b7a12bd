package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Reasons;
import cn.creditbank.ledger.core.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Declare an outcome recorded in error; it then counts as never having happened. */
public record VoidOutcome(@TargetAggregateIdentifier LearnerId learnerId, OutcomeId outcomeId, String reason,
                          String recordedBy) {

    public VoidOutcome {
        Require.present(learnerId, "learnerId");
        Require.present(outcomeId, "outcomeId");
        reason = Reasons.require(reason);
        recordedBy = Require.text(recordedBy, "recordedBy");
    }
}
