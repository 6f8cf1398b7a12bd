package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.InstitutionCode;

/** A fact that version {@code version} of an institution was defined, with its whole definition. */
public record InstitutionDefined(InstitutionCode code, int version, InstitutionDefinition definition, String recordedBy)
        implements CatalogueItemDefined<InstitutionDefinition> {

    @Override
    public CatalogueKind kind() {
        return CatalogueKind.INSTITUTION;
    }

    @Override
    public String itemCode() {
        return code.value();
    }
}
