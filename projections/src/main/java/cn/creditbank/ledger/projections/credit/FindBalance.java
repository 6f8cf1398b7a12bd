package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.shared.LearnerId;

import java.time.Instant;
import java.time.LocalDate;

/** A learner's balance on {@code asOf} (valid time) as the bank knew it at {@code knownAt} (transaction time). */
public record FindBalance(LearnerId learnerId, LocalDate asOf, Instant knownAt) implements TimeTravelQuery {
}
