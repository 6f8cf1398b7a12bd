package cn.creditbank.ledger.core.transfer;

import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.ProgrammeCode;

import java.util.List;

/** A fact that the programme's institution approved these courses (已批准); they count as TRANSFERRED from now. */
public record TransferApproved(TransferId transferId, LearnerId learnerId, ProgrammeCode programmeCode,
                               InstitutionCode institution, List<ProposedTransfer> approved, String recordedBy)
        implements TransferEvent {
}
