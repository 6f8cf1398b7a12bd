package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.RuleId;
import cn.creditbank.ledger.core.shared.UnitCode;

/** One course of the programme and what satisfies it: an outcome (earned) or an outcome under a rule version. */
public record CourseResult(UnitCode courseCode, String title, Credits credits, boolean compulsory, CourseStatus status,
                           OutcomeId outcomeId, RuleId ruleId, Integer ruleVersion) {

    static CourseResult missing(cn.creditbank.ledger.core.catalogue.ProgrammeCourse course) {
        return new CourseResult(course.code(), course.title(), course.credits(), course.compulsory(),
                CourseStatus.MISSING, null, null, null);
    }

    CourseResult earnedBy(OutcomeId outcome) {
        return new CourseResult(courseCode, title, credits, compulsory, CourseStatus.EARNED, outcome, null, null);
    }

    CourseResult transferredBy(OutcomeId outcome, RuleId rule, int version) {
        return new CourseResult(courseCode, title, credits, compulsory, CourseStatus.TRANSFERRED, outcome, rule,
                version);
    }

    boolean satisfied() {
        return status != CourseStatus.MISSING;
    }
}
