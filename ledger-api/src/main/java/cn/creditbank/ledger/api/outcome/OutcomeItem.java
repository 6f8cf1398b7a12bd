package cn.creditbank.ledger.api.outcome;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.projections.credit.OutcomeView;
import cn.creditbank.ledger.projections.history.OutcomeEntry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One outcome of a learner's history (API.md) with its status on asOf: VOIDED (recorded in error), REVOKED (from its
 * revocation date), EXPIRED (a certificate past its validity) or VALID. Fields beyond API.md: externalRef, passed,
 * validUntil, revokedOn, recordedBy.
 */
record OutcomeItem(String outcomeId, UnitKind kind, String unitCode, String issuer, String externalRef,
                   LocalDate date, BigDecimal score, String level, boolean passed, Credits credits,
                   LocalDate validUntil, LocalDate revokedOn, Status status, Instant recordedAt, String recordedBy) {

    enum Status { VALID, VOIDED, REVOKED, EXPIRED }

    static OutcomeItem of(OutcomeEntry entry, LocalDate asOf) {
        OutcomeView o = entry.outcome();
        return new OutcomeItem(o.outcomeId().value(), o.kind(), o.unitCode().value(), o.issuer().value(),
                entry.externalRef(), o.date(), o.score() == null ? null : o.score().value(), o.level(), o.passed(),
                o.credits(), o.validUntil(), o.revokedOn(), statusOn(o, asOf), entry.recordedAt(),
                entry.recordedBy());
    }

    private static Status statusOn(OutcomeView o, LocalDate asOf) {
        if (o.voided()) {
            return Status.VOIDED;
        }
        if (o.revokedBy(asOf)) {
            return Status.REVOKED;
        }
        if (o.expiredBy(asOf)) {
            return Status.EXPIRED;
        }
        return Status.VALID;
    }
}
