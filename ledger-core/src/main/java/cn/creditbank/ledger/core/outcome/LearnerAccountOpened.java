package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.LearnerId;

/** A fact that a learning account was opened; it carries no personal data. */
public record LearnerAccountOpened(LearnerId learnerId, String recordedBy) {
}
