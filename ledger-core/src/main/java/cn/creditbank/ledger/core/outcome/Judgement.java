package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.Credits;

import java.time.LocalDate;

/** What the catalogue makes of an outcome's values: whether it passed, its credits and (certificates) validity. */
record Judgement(boolean passed, Credits credits, LocalDate validUntil, boolean validUntilDerived) {
}
