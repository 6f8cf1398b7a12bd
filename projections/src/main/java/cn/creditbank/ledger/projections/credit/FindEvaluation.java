package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.ProgrammeCode;

import java.time.Instant;
import java.time.LocalDate;

/** A learner's transfer evaluation into a programme on {@code asOf} as the bank knew it at {@code knownAt}. */
public record FindEvaluation(LearnerId learnerId, ProgrammeCode programmeCode, LocalDate asOf, Instant knownAt)
        implements TimeTravelQuery {
}
