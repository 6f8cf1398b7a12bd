package cn.creditbank.ledger.core.transfer;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Require;
import cn.creditbank.ledger.core.shared.RuleId;
import cn.creditbank.ledger.core.shared.UnitCode;

/** One course the evaluation marked TRANSFERRED: the outcome and the rule version that would exempt it. */
public record ProposedTransfer(UnitCode courseCode, Credits credits, OutcomeId outcomeId, RuleId ruleId,
                               int ruleVersion) {

    public ProposedTransfer {
        Require.present(courseCode, "courseCode");
        Require.present(credits, "credits");
        Require.present(outcomeId, "outcomeId");
        Require.present(ruleId, "ruleId");
    }
}
