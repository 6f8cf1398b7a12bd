package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.UnitCode;

/** A fact that version {@code version} of a learning unit was defined, with its whole definition. */
public record UnitDefined(UnitCode code, int version, UnitDefinition definition, String recordedBy)
        implements CatalogueItemDefined<UnitDefinition> {

    @Override
    public CatalogueKind kind() {
        return CatalogueKind.UNIT;
    }

    @Override
    public String itemCode() {
        return code.value();
    }
}
