package cn.creditbank.ledger.api.credit;

import cn.creditbank.ledger.api.credit.CreditAnswers.BalanceAnswer;
import cn.creditbank.ledger.api.credit.CreditAnswers.EvaluationAnswer;
import cn.creditbank.ledger.api.credit.CreditAnswers.GradeAnswer;
import cn.creditbank.ledger.api.access.AccessPolicy;
import cn.creditbank.ledger.api.security.Caller;
import cn.creditbank.ledger.api.web.TimeTravel;
import cn.creditbank.ledger.core.shared.LadderCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.projections.credit.Balance;
import cn.creditbank.ledger.projections.credit.Evaluation;
import cn.creditbank.ledger.projections.credit.FindBalance;
import cn.creditbank.ledger.projections.credit.FindEvaluation;
import cn.creditbank.ledger.projections.credit.FindGradeProgress;
import cn.creditbank.ledger.projections.credit.GradeProgress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Balances, transfer evaluations and grade progress (DOMAIN.md §5), for a named learner and for the signed-in one
 * ({@code /me/…}). Every answer is computed for {@code asOf} as the bank knew it at {@code knownAt}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Balances and progress", description = "累计学分、学分转换评估、技能等级进度")
class CreditController {

    private final LedgerQueries queries;
    private final Clock clock;

    CreditController(LedgerQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/learners/{learnerId}/balance")
    @Operation(summary = "Accumulated credits by kind and certificates with their status on asOf")
    BalanceAnswer balance(@PathVariable LearnerId learnerId, @RequestParam(required = false) LocalDate asOf,
                          @RequestParam(required = false) Instant knownAt) {
        TimeTravel time = TimeTravel.resolve(asOf, knownAt, clock);
        Balance balance = queries.ask(new FindBalance(learnerId, time.asOf(), time.knownAt()), Balance.class);
        return new BalanceAnswer(learnerId.value(), balance.asOf(), time.knownAt(), balance.accumulatedCredits(),
                balance.byKind(), balance.outcomeCount(), balance.certificates());
    }

    @GetMapping("/learners/{learnerId}/evaluations/{programmeCode}")
    @Operation(summary = "Transfer evaluation into a programme: every course, every excluded outcome and why")
    EvaluationAnswer evaluation(@PathVariable LearnerId learnerId, @PathVariable ProgrammeCode programmeCode,
                                @RequestParam(required = false) LocalDate asOf,
                                @RequestParam(required = false) Instant knownAt) {
        TimeTravel time = TimeTravel.resolve(asOf, knownAt, clock);
        return new EvaluationAnswer(learnerId.value(), time.knownAt(), queries.ask(
                new FindEvaluation(learnerId, programmeCode, time.asOf(), time.knownAt()), Evaluation.class));
    }

    @GetMapping("/learners/{learnerId}/grades/{ladderCode}")
    @Operation(summary = "Progress on a skill-grade ladder: current grade, next grade, unmet requirements")
    GradeAnswer grades(@PathVariable LearnerId learnerId, @PathVariable LadderCode ladderCode,
                       @RequestParam(required = false) LocalDate asOf,
                       @RequestParam(required = false) Instant knownAt) {
        TimeTravel time = TimeTravel.resolve(asOf, knownAt, clock);
        return new GradeAnswer(learnerId.value(), time.knownAt(), queries.ask(
                new FindGradeProgress(learnerId, ladderCode, time.asOf(), time.knownAt()), GradeProgress.class));
    }

    @GetMapping("/me/balance")
    @Operation(summary = "The signed-in learner's balance")
    BalanceAnswer myBalance(@Parameter(hidden = true) Caller caller, @RequestParam(required = false) LocalDate asOf,
                            @RequestParam(required = false) Instant knownAt) {
        return balance(AccessPolicy.signedInLearner(caller), asOf, knownAt);
    }

    @GetMapping("/me/evaluations/{programmeCode}")
    @Operation(summary = "The signed-in learner's transfer evaluation")
    EvaluationAnswer myEvaluation(@Parameter(hidden = true) Caller caller, @PathVariable ProgrammeCode programmeCode,
                                  @RequestParam(required = false) LocalDate asOf,
                                  @RequestParam(required = false) Instant knownAt) {
        return evaluation(AccessPolicy.signedInLearner(caller), programmeCode, asOf, knownAt);
    }

    @GetMapping("/me/grades/{ladderCode}")
    @Operation(summary = "The signed-in learner's grade progress")
    GradeAnswer myGrades(@Parameter(hidden = true) Caller caller, @PathVariable LadderCode ladderCode,
                         @RequestParam(required = false) LocalDate asOf,
                         @RequestParam(required = false) Instant knownAt) {
        return grades(AccessPolicy.signedInLearner(caller), ladderCode, asOf, knownAt);
    }
}
