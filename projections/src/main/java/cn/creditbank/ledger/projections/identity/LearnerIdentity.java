package cn.creditbank.ledger.projections.identity;

import cn.creditbank.ledger.core.shared.LearnerId;

import java.time.Instant;

/** A learner's personal data, kept outside the event store. After erasure the names are gone, the id stays. */
public record LearnerIdentity(LearnerId learnerId, String displayName, String nationalId, String externalRef,
                              Instant openedAt, Instant erasedAt) {
}
