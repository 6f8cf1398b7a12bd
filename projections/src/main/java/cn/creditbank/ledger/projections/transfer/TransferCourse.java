package cn.creditbank.ledger.projections.transfer;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.RuleId;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.time.Instant;

/** A course proposed for transfer, with the outcome and rule version behind it and whether it was approved. */
public record TransferCourse(UnitCode courseCode, Credits credits, OutcomeId outcomeId, RuleId ruleId,
                             int ruleVersion, boolean approved, Instant approvedAt) {
}
