package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.util.Optional;

/**
 * The current catalogue as the write side sees it, to check references and accreditation. Implemented over a
 * table written in the same transaction as the catalogue events, so it is never behind the event store.
 */
public interface Catalogue {

    Optional<Versioned<InstitutionDefinition>> institution(InstitutionCode code);

    Optional<Versioned<UnitDefinition>> unit(UnitCode code);

    Optional<Versioned<ProgrammeDefinition>> programme(ProgrammeCode code);
}
