package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;

import java.time.LocalDate;

/** What the account remembers of one outcome to decide later commands; replaced, never mutated. */
record OutcomeState(OutcomeId outcomeId, OutcomeFacts recordedFacts, Score score, String level, LocalDate date,
                    LocalDate validUntil, boolean validUntilDerived, boolean voided, boolean revoked) {

    static OutcomeState recorded(OutcomeRecorded event, OutcomeFacts facts, LocalDate validUntil, boolean derived) {
        return new OutcomeState(event.outcomeId(), facts, facts.score(), facts.level(), event.date(), validUntil,
                derived, false, false);
    }

    UnitKind kind() {
        return recordedFacts.kind();
    }

    OutcomeState corrected(OutcomeCorrected event) {
        return new OutcomeState(outcomeId, recordedFacts, event.score(), event.level(), event.date(),
                event.validUntil(), validUntilDerived, voided, revoked);
    }

    OutcomeState markVoided() {
        return new OutcomeState(outcomeId, recordedFacts, score, level, date, validUntil, validUntilDerived, true, revoked);
    }

    OutcomeState markRevoked() {
        return new OutcomeState(outcomeId, recordedFacts, score, level, date, validUntil, validUntilDerived, voided, true);
    }
}
