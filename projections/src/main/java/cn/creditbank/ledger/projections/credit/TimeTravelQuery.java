package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.shared.LearnerId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A question about a learner on two time axes (DOMAIN §2): {@code asOf} is the valid-time date, {@code knownAt} the
 * transaction-time instant; either may be absent, meaning today and now.
 */
public interface TimeTravelQuery {

    LearnerId learnerId();

    LocalDate asOf();

    Instant knownAt();
}
