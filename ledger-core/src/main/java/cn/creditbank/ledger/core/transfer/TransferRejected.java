package cn.creditbank.ledger.core.transfer;

import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.ProgrammeCode;

/** A fact that the programme's institution rejected the application (已驳回), with its reason. */
public record TransferRejected(TransferId transferId, LearnerId learnerId, ProgrammeCode programmeCode,
                               InstitutionCode institution, String reason, String recordedBy)
        implements TransferEvent {
}
