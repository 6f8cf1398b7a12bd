package cn.creditbank.ledger.api.credit;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.projections.credit.CertificateState;
import cn.creditbank.ledger.projections.credit.Evaluation;
import cn.creditbank.ledger.projections.credit.GradeProgress;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The learner reads of API.md ("Balances and progress"), each naming the learner and both time axes it answers. */
final class CreditAnswers {

    private CreditAnswers() {
    }

    record BalanceAnswer(String learnerId, LocalDate asOf, Instant knownAt, Credits accumulatedCredits,
                         Map<UnitKind, Credits> byKind, int outcomeCount, List<CertificateState> certificates) {
    }

    /** The evaluation's own fields (API.md) plus programmeVersion and rulesUsed, the versions it was made on. */
    record EvaluationAnswer(String learnerId, Instant knownAt, @JsonUnwrapped Evaluation evaluation) {
    }

    record GradeAnswer(String learnerId, Instant knownAt, @JsonUnwrapped GradeProgress progress) {
    }
}
