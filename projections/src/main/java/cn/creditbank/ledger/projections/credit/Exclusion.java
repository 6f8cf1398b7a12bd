package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.RuleId;
import cn.creditbank.ledger.core.shared.UnitCode;

/** An outcome that did not count, with the rule (and course) concerned when the reason is about one rule. */
public record Exclusion(OutcomeId outcomeId, RuleId ruleId, UnitCode courseCode, ExclusionReason reason) {

    static Exclusion of(OutcomeId outcome, ExclusionReason reason) {
        return new Exclusion(outcome, null, null, reason);
    }

    static Exclusion underRule(OutcomeId outcome, RuleId rule, ExclusionReason reason) {
        return new Exclusion(outcome, rule, null, reason);
    }
}
