package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Reasons;
import cn.creditbank.ledger.core.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Revoke a certificate as of {@code date}; it stops counting from that date. */
public record RevokeCertificate(@TargetAggregateIdentifier LearnerId learnerId, OutcomeId outcomeId, String reason,
                                LocalDate date, String recordedBy) {

    public RevokeCertificate {
        Require.present(learnerId, "learnerId");
        Require.present(outcomeId, "outcomeId");
        reason = Reasons.require(reason);
        Require.present(date, "date");
        recordedBy = Require.text(recordedBy, "recordedBy");
    }
}
