package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.shared.RuleId;

/** A conversion rule version an evaluation considered: what a stored application must be reproducible from. */
public record RuleVersion(RuleId ruleId, int version) {
}
