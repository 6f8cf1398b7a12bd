package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.Require;
import cn.creditbank.ledger.core.shared.UnitCode;

/** An institution may issue outcomes of this unit on dates within the period. */
public record Accreditation(UnitCode unitCode, Period period) {

    public Accreditation {
        Require.present(unitCode, "accreditation.unitCode");
        Require.present(period, "accreditation.period");
    }
}
