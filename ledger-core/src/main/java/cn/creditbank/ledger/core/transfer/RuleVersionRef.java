package cn.creditbank.ledger.core.transfer;

import cn.creditbank.ledger.core.shared.Require;
import cn.creditbank.ledger.core.shared.RuleId;

/** A conversion rule version the evaluation behind an application considered. */
public record RuleVersionRef(RuleId ruleId, int version) {

    public RuleVersionRef {
        Require.present(ruleId, "ruleId");
    }
}
