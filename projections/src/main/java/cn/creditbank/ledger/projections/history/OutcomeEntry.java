package cn.creditbank.ledger.projections.history;

import cn.creditbank.ledger.projections.credit.OutcomeView;

import java.time.Instant;

/**
 * One outcome of a learner's history as listed to people: the values known at some instant, plus when the bank first
 * recorded it, by whom, and the issuer's own reference.
 */
public record OutcomeEntry(OutcomeView outcome, String externalRef, int unitVersion, Instant recordedAt,
                           String recordedBy) {
}
