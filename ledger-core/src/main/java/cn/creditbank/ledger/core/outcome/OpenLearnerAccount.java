package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open a learning account (学习账户). Identity (name, national id) is stored outside the ledger, never here. */
public record OpenLearnerAccount(@TargetAggregateIdentifier LearnerId learnerId, String recordedBy) {

    public OpenLearnerAccount {
        Require.present(learnerId, "learnerId");
        recordedBy = Require.text(recordedBy, "recordedBy");
    }
}
