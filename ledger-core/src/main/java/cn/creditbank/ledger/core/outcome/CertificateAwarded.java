package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.time.LocalDate;

/**
 * A fact that a CERTIFICATE was awarded on {@code date} at {@code level}, valid until {@code validUntil}
 * (the issuer's date, or award date + the unit's validity − 1 day when {@code validUntilDerived}).
 */
public record CertificateAwarded(LearnerId learnerId, OutcomeId outcomeId, UnitCode unitCode, int unitVersion,
                                 InstitutionCode issuer, String externalRef, LocalDate date, String level,
                                 String certificateNo, LocalDate validUntil, boolean validUntilDerived,
                                 Credits credits, String recordedBy) implements OutcomeRecorded {

    @Override
    public UnitKind kind() {
        return UnitKind.CERTIFICATE;
    }
}
