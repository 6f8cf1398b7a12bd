package cn.creditbank.ledger.projections.credit;

import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.time.LocalDate;

/** One certificate of a balance and its status on the balance's date. */
public record CertificateState(OutcomeId outcomeId, UnitCode unitCode, String level, LocalDate awardedOn,
                               LocalDate validUntil, CertificateStatus status) {
}
