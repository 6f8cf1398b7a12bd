package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.time.LocalDate;

/**
 * One outcome of a learner as the bank knew it at some instant (knownAt): corrections known by then applied,
 * {@code voided} true if the void was known by then, {@code revokedOn} set if the revocation was known by then.
 * The credit calculations work on these and nothing else.
 *
 * @param score      absent for certificates and unscored trainings
 * @param level      certificate level name, else absent
 * @param credits    credits the outcome gives when it counts (0 when not passed)
 * @param validUntil last day a certificate is valid, else absent
 * @param revokedOn  date from which a revoked certificate stops counting, else absent
 */
public record OutcomeView(OutcomeId outcomeId, UnitKind kind, UnitCode unitCode, InstitutionCode issuer,
                          LocalDate date, Score score, String level, boolean passed, Credits credits,
                          LocalDate validUntil, boolean voided, LocalDate revokedOn) {

    /** A revoked certificate stops counting from its revocation date. */
    public boolean revokedBy(LocalDate asOf) {
        return revokedOn != null && !revokedOn.isAfter(asOf);
    }

    /** A certificate is valid through its last day, validUntil. */
    public boolean expiredBy(LocalDate asOf) {
        return validUntil != null && validUntil.isBefore(asOf);
    }
}
