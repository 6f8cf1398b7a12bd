package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;

/** A fact that an outcome was recorded in error (作废); from now on it counts as never having happened. */
public record OutcomeVoided(LearnerId learnerId, OutcomeId outcomeId, String reason, String recordedBy) {
}
