package cn.creditbank.ledger.projections.transfer;

import cn.creditbank.ledger.core.shared.OutcomeId;

import java.time.Instant;

/** A proposed source outcome that was voided or revoked, and when the bank learned it. */
public record OutcomeWithdrawal(OutcomeId outcomeId, WithdrawalCause cause, Instant at) {
}
