package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.catalogue.ProgrammeCourse;
import cn.creditbank.ledger.core.catalogue.ProgrammeDefinition;
import cn.creditbank.ledger.core.catalogue.TransferPolicy;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The working state of one evaluation as its steps fill it in; used once, by {@link TransferEvaluator}. */
final class EvaluationRun {

    /** Step 2 tie-break: most recent first, then the higher score (an unscored outcome lowest), then the lower id. */
    private static final Comparator<OutcomeView> BEST_FOR_COURSE = Comparator
            .comparing(OutcomeView::date, Comparator.reverseOrder())
            .thenComparing(o -> o.score() == null ? BigDecimal.valueOf(-1) : o.score().value(), Comparator.reverseOrder())
            .thenComparing(o -> o.outcomeId().value());

    private final ProgrammeDefinition programme;
    private final TransferPolicy policy;
    private final LocalDate asOf;
    private final List<OutcomeView> outcomes;
    private final OutcomesOnDate onDate;
    private final Credits cap;
    private final Map<UnitCode, CourseResult> courses = new LinkedHashMap<>();
    private final List<OutcomeView> eligible = new ArrayList<>();
    private final Set<OutcomeId> used = new HashSet<>();
    private final List<Exclusion> excluded = new ArrayList<>();
    private Credits transferred = Credits.ZERO;

    EvaluationRun(ProgrammeDefinition programme, LocalDate asOf, List<OutcomeView> outcomes) {
        this.programme = programme;
        this.policy = programme.transferPolicy();
        this.asOf = asOf;
        this.outcomes = outcomes;
        this.onDate = new OutcomesOnDate(outcomes, asOf);
        this.cap = programme.requiredCredits().times(policy.maxShare());
        programme.courses().forEach(course -> courses.put(course.code(), CourseResult.missing(course)));
    }

    List<OutcomeView> eligible() {
        return eligible;
    }

    void exclude(Exclusion exclusion) {
        excluded.add(exclusion);
    }

    /** Courses already approved by the institution count as transferred, and use their source outcome. */
    void applyApproved(List<ApprovedTransfer> approved) {
        for (ApprovedTransfer transfer : approved) {
            CourseResult course = courses.get(transfer.courseCode());
            if (course != null && !course.satisfied()) {
                courses.put(course.courseCode(),
                        course.transferredBy(transfer.outcomeId(), transfer.ruleId(), transfer.ruleVersion()));
                transferred = transferred.plus(course.credits());
                used.add(transfer.outcomeId());
            }
        }
    }

    /** Step 1. */
    void excludeIneligible() {
        for (OutcomeView outcome : outcomes) {
            ExclusionReason reason = ineligibility(outcome);
            if (reason == null) {
                eligible.add(outcome);
            } else {
                exclude(Exclusion.of(outcome.outcomeId(), reason));
            }
        }
    }

    private ExclusionReason ineligibility(OutcomeView outcome) {
        if (outcome.voided()) {
            return ExclusionReason.VOIDED;
        }
        if (outcome.date().isAfter(asOf)) {
            return ExclusionReason.NOT_YET_VALID;
        }
        if (onDate.revoked(outcome)) {
            return ExclusionReason.REVOKED;
        }
        if (onDate.expired(outcome)) {
            return ExclusionReason.EXPIRED;
        }
        // a window of 0 years means the programme sets none
        if (policy.recencyYears() > 0 && outcome.date().isBefore(asOf.minusYears(policy.recencyYears()))) {
            return ExclusionReason.OUTSIDE_RECENCY_WINDOW;
        }
        if (!outcome.passed() || (outcome.score() != null && !outcome.score().isAtLeast(policy.minimumScore()))) {
            return ExclusionReason.SCORE_TOO_LOW;
        }
        return outcome.credits().isPositive() ? null : ExclusionReason.NOT_MAPPED;
    }

    /** Step 2: a course is earned by an eligible outcome of the same unit issued by the programme's institution. */
    void earnCourses() {
        for (ProgrammeCourse course : programme.courses()) {
            List<OutcomeView> ofCourse = eligible.stream()
                    .filter(o -> o.unitCode().equals(course.code()) && o.issuer().equals(programme.institution()))
                    .sorted(BEST_FOR_COURSE)
                    .toList();
            for (OutcomeView outcome : ofCourse) {
                CourseResult result = courses.get(course.code());
                if (result.satisfied()) {
                    exclude(new Exclusion(outcome.outcomeId(), null, course.code(), ExclusionReason.ALREADY_SATISFIED));
                } else {
                    courses.put(course.code(), result.earnedBy(outcome.outcomeId()));
                    used.add(outcome.outcomeId());
                }
            }
        }
    }

    /** Step 4: candidates in order; a candidate that would pass the cap is skipped whole, the next one tried. */
    void transfer(List<TransferEvaluator.Candidate> candidates) {
        for (TransferEvaluator.Candidate candidate : candidates) {
            OutcomeId outcome = candidate.outcome().outcomeId();
            if (used.contains(outcome)) {
                exclude(Exclusion.underRule(outcome, candidate.ruleId(), ExclusionReason.ALREADY_USED));
                continue;
            }
            List<CourseResult> targets = openTargets(candidate);
            if (targets.isEmpty()) {
                continue;
            }
            Credits credits = TransferEvaluator.sum(targets);
            if (transferred.plus(credits).compareTo(cap) > 0) {
                exclude(Exclusion.underRule(outcome, candidate.ruleId(), ExclusionReason.CAP_EXCEEDED));
                continue;
            }
            targets.forEach(course -> courses.put(course.courseCode(),
                    course.transferredBy(outcome, candidate.ruleId(), candidate.ruleVersion())));
            transferred = transferred.plus(credits);
            used.add(outcome);
        }
    }

    /** The rule's target courses still unsatisfied and exemptable; reports the others. */
    private List<CourseResult> openTargets(TransferEvaluator.Candidate candidate) {
        OutcomeId outcome = candidate.outcome().outcomeId();
        List<CourseResult> open = new ArrayList<>();
        boolean notExemptable = false;
        for (UnitCode code : candidate.rule().targetCourses()) {
            CourseResult course = courses.get(code);
            if (course == null || course.satisfied()) {
                continue;
            }
            if (programme.course(code).map(ProgrammeCourse::exemptable).orElse(false)) {
                open.add(course);
            } else {
                notExemptable = true;
                exclude(new Exclusion(outcome, candidate.ruleId(), code, ExclusionReason.NOT_EXEMPTABLE));
            }
        }
        if (open.isEmpty() && !notExemptable) {
            exclude(Exclusion.underRule(outcome, candidate.ruleId(), ExclusionReason.ALREADY_SATISFIED));
        }
        return open;
    }

    /** An eligible outcome that earned nothing and that no rule in effect mentions is NOT_MAPPED. */
    void markUnmapped() {
        Set<OutcomeId> explained = new HashSet<>(used);
        excluded.forEach(e -> explained.add(e.outcomeId()));
        eligible.stream().map(OutcomeView::outcomeId).filter(id -> !explained.contains(id))
                .forEach(id -> exclude(Exclusion.of(id, ExclusionReason.NOT_MAPPED)));
    }

    /** Step 5. */
    Evaluation result(ProgrammeCode code, int version, List<RuleVersion> rulesUsed) {
        List<CourseResult> results = List.copyOf(courses.values());
        Credits earned = TransferEvaluator.sum(results.stream().filter(c -> c.status() == CourseStatus.EARNED).toList());
        Credits transfer = TransferEvaluator.sum(
                results.stream().filter(c -> c.status() == CourseStatus.TRANSFERRED).toList());
        Credits gathered = earned.plus(transfer);
        boolean compulsoryDone = results.stream().filter(CourseResult::compulsory).allMatch(CourseResult::satisfied);
        return new Evaluation(code, version, asOf, programme.requiredCredits(), cap, earned, transfer,
                programme.requiredCredits().minusAtMostZero(gathered),
                compulsoryDone && gathered.compareTo(programme.requiredCredits()) >= 0, results,
                excluded.stream().sorted(Comparator.comparing((Exclusion e) -> e.outcomeId().value())
                        .thenComparing(e -> e.ruleId() == null ? "" : e.ruleId().value())
                        .thenComparing(e -> Objects.toString(e.courseCode(), ""))).toList(),
                rulesUsed);
    }
}
