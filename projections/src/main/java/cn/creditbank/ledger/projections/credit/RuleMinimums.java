package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.catalogue.ConversionRuleDefinition;
import cn.creditbank.ledger.core.catalogue.UnitDefinition;
import cn.creditbank.ledger.core.catalogue.Versioned;

/** Whether an outcome meets a rule's own minimum certificate level and minimum score (a rule's score needs a score). */
final class RuleMinimums {

    private RuleMinimums() {
    }

    /** The reason the rule refuses the outcome, or null when it meets the rule's minimums. */
    static ExclusionReason refusal(ConversionRuleDefinition rule, OutcomeView outcome, Versioned<UnitDefinition> unit) {
        if (rule.minimumLevel() != null) {
            UnitDefinition levels = unit == null ? null : unit.definition();
            if (outcome.level() == null || levels == null
                    || levels.rankOf(outcome.level()) < levels.rankOf(rule.minimumLevel())) {
                return ExclusionReason.LEVEL_TOO_LOW;
            }
        }
        if (rule.minimumScore() != null && (outcome.score() == null || !outcome.score().isAtLeast(rule.minimumScore()))) {
            return ExclusionReason.SCORE_TOO_LOW;
        }
        return null;
    }
}
