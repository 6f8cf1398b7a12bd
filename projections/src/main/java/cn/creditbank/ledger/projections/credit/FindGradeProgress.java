package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.shared.LadderCode;
import cn.creditbank.ledger.core.shared.LearnerId;

import java.time.Instant;
import java.time.LocalDate;

/** A learner's progress on a skill-grade ladder on {@code asOf} as the bank knew it at {@code knownAt}. */
public record FindGradeProgress(LearnerId learnerId, LadderCode ladderCode, LocalDate asOf, Instant knownAt)
        implements TimeTravelQuery {
}
