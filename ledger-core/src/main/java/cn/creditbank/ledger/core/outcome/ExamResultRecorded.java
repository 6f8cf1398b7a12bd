package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.time.LocalDate;

/** A fact that a learner sat an EXAM on {@code date} with {@code score}; a failed exam is recorded too (0 credits). */
public record ExamResultRecorded(LearnerId learnerId, OutcomeId outcomeId, UnitCode unitCode, int unitVersion,
                                 InstitutionCode issuer, String externalRef, LocalDate date, Score score,
                                 boolean passed, Credits credits, String recordedBy) implements OutcomeRecorded {

    @Override
    public UnitKind kind() {
        return UnitKind.EXAM;
    }
}
