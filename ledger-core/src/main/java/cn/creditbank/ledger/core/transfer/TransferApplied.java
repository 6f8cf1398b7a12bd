package cn.creditbank.ledger.core.transfer;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.ProgrammeCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A fact that a learner applied for credit transfer into a programme (申请), with the evaluation it was made on:
 * the proposed courses, the totals and the rule versions used. It awaits the programme institution's decision.
 */
public record TransferApplied(TransferId transferId, LearnerId learnerId, ProgrammeCode programmeCode,
                              int programmeVersion, InstitutionCode institution, LocalDate asOf, Instant evaluatedAt,
                              List<ProposedTransfer> proposed, Credits earnedCredits, Credits transferredCredits,
                              Credits cap, List<RuleVersionRef> rulesUsed, String appliedBy) implements TransferEvent {
}
