package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.time.LocalDate;

/**
 * A fact that a learner completed a COURSE, MODULE or TRAINING on {@code date}, with its score (absent for an
 * unscored training), class hours, whether it passed and the credits it gave.
 */
public record CompletionRecorded(LearnerId learnerId, OutcomeId outcomeId, UnitKind kind, UnitCode unitCode,
                                 int unitVersion, InstitutionCode issuer, String externalRef, LocalDate date,
                                 Score score, Integer hours, boolean passed, Credits credits, String recordedBy)
        implements OutcomeRecorded {
}
