package cn.creditbank.ledger.projections.transfer;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.transfer.RuleVersionRef;
import cn.creditbank.ledger.core.transfer.TransferId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A credit-transfer application as it stands: the evaluation it was made on (date, totals, rule versions, proposed
 * courses), the decision (who, when, why) and every proposed source outcome withdrawn since.
 */
public record TransferView(TransferId transferId, LearnerId learnerId, ProgrammeCode programmeCode,
                           int programmeVersion, InstitutionCode institution, TransferStatus status, LocalDate asOf,
                           Instant evaluatedAt, Instant appliedAt, String appliedBy, Instant decidedAt,
                           InstitutionCode decidedBy, String decisionRecordedBy, String reason,
                           List<TransferCourse> courses, Credits earnedCredits, Credits transferredCredits,
                           Credits cap, List<RuleVersionRef> rulesUsed, List<OutcomeWithdrawal> affectedBy) {
}
