package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Reasons;
import cn.creditbank.ledger.core.shared.Require;
import cn.creditbank.ledger.core.shared.Score;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Replace an outcome's score, level and/or date (absent fields keep their value), keeping its id. */
public record CorrectOutcome(@TargetAggregateIdentifier LearnerId learnerId, OutcomeId outcomeId, Score score,
                             String level, LocalDate date, String reason, String recordedBy) {

    public CorrectOutcome {
        Require.present(learnerId, "learnerId");
        Require.present(outcomeId, "outcomeId");
        level = level == null || level.isBlank() ? null : level.strip();
        reason = Reasons.require(reason);
        recordedBy = Require.text(recordedBy, "recordedBy");
    }
}
