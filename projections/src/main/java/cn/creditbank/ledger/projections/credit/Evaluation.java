package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.ProgrammeCode;

import java.time.LocalDate;
import java.util.List;

/**
 * A transfer evaluation (学分转换评估) of a learner into a programme on {@code asOf}, deterministic and explained:
 * every course with what satisfies it, every outcome that did not count with its reason, the rule versions used.
 */
public record Evaluation(ProgrammeCode programmeCode, int programmeVersion, LocalDate asOf, Credits requiredCredits,
                         Credits cap, Credits earnedCredits, Credits transferredCredits, Credits remainingCredits,
                         boolean eligibleForAward, List<CourseResult> courses, List<Exclusion> excluded,
                         List<RuleVersion> rulesUsed) {
}
