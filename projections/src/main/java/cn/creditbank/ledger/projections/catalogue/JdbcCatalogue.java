package cn.creditbank.ledger.projections.catalogue;

import cn.creditbank.ledger.core.catalogue.Catalogue;
import cn.creditbank.ledger.core.catalogue.CatalogueKind;
import cn.creditbank.ledger.core.catalogue.InstitutionDefinition;
import cn.creditbank.ledger.core.catalogue.ProgrammeDefinition;
import cn.creditbank.ledger.core.catalogue.UnitDefinition;
import cn.creditbank.ledger.core.catalogue.Versioned;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.UnitCode;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The write side's view of the current catalogue, read from {@code catalogue_item} within the caller's
 * transaction (so a definition stored earlier in the same transaction is visible).
 */
@Component
class JdbcCatalogue implements Catalogue {

    private final CatalogueItems items;

    JdbcCatalogue(CatalogueItems items) {
        this.items = items;
    }

    @Override
    public Optional<Versioned<InstitutionDefinition>> institution(InstitutionCode code) {
        return items.latest(CatalogueKind.INSTITUTION, code.value(), InstitutionDefinition.class);
    }

    @Override
    public Optional<Versioned<UnitDefinition>> unit(UnitCode code) {
        return items.latest(CatalogueKind.UNIT, code.value(), UnitDefinition.class);
    }

    @Override
    public Optional<Versioned<ProgrammeDefinition>> programme(ProgrammeCode code) {
        return items.latest(CatalogueKind.PROGRAMME, code.value(), ProgrammeDefinition.class);
    }
}
