package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.RuleId;
import cn.creditbank.ledger.core.shared.UnitCode;

/** A course an institution already approved for transfer: it counts as TRANSFERRED from then on. */
public record ApprovedTransfer(UnitCode courseCode, OutcomeId outcomeId, RuleId ruleId, int ruleVersion) {
}
