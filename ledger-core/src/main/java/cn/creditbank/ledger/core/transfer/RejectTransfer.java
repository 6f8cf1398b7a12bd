package cn.creditbank.ledger.core.transfer;

import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.Reasons;
import cn.creditbank.ledger.core.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The programme's institution rejects the whole application and says why. */
public record RejectTransfer(@TargetAggregateIdentifier TransferId transferId, String reason,
                             InstitutionCode decidedBy, String recordedBy) {

    public RejectTransfer {
        Require.present(transferId, "transferId");
        reason = Reasons.require(reason);
        Require.present(decidedBy, "decidedBy");
        recordedBy = Require.text(recordedBy, "recordedBy");
    }
}
