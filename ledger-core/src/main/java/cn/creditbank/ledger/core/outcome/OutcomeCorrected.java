package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;

import java.time.LocalDate;

/**
 * A fact that an outcome's values were corrected (更正). It carries the outcome's complete values after the
 * correction (score, level, date, validity, pass and credits, judged against unit version {@code unitVersion}),
 * so a reader needs no earlier correction.
 */
public record OutcomeCorrected(LearnerId learnerId, OutcomeId outcomeId, int unitVersion, Score score, String level, LocalDate date,
                               LocalDate validUntil, boolean passed, Credits credits, String reason,
                               String recordedBy) {
}
