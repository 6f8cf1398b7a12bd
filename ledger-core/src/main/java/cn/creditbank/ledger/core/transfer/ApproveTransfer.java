package cn.creditbank.ledger.core.transfer;

import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.Require;
import cn.creditbank.ledger.core.shared.UnitCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** The programme's institution approves some proposed courses, or all of them when {@code courseCodes} is empty. */
public record ApproveTransfer(@TargetAggregateIdentifier TransferId transferId, Set<UnitCode> courseCodes,
                              InstitutionCode decidedBy, String recordedBy) {

    public ApproveTransfer {
        Require.present(transferId, "transferId");
        courseCodes = courseCodes == null ? Set.of() : Set.copyOf(courseCodes);
        Require.present(decidedBy, "decidedBy");
        recordedBy = Require.text(recordedBy, "recordedBy");
    }

    public boolean approvesAll() {
        return courseCodes.isEmpty();
    }
}
