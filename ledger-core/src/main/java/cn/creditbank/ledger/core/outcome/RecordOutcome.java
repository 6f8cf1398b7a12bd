package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a learning outcome of any kind. {@code outcomeId} is the id to use if this is new; a retry of an
 * already recorded external reference answers the first outcome's id instead.
 */
public record RecordOutcome(@TargetAggregateIdentifier LearnerId learnerId, OutcomeId outcomeId, OutcomeFacts facts,
                            String recordedBy) {

    public RecordOutcome {
        Require.present(learnerId, "learnerId");
        Require.present(outcomeId, "outcomeId");
        Require.present(facts, "facts");
        recordedBy = Require.text(recordedBy, "recordedBy");
    }
}
