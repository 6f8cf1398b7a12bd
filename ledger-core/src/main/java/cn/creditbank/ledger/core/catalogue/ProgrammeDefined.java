package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.ProgrammeCode;

/** A fact that version {@code version} of a programme was defined, with its whole definition. */
public record ProgrammeDefined(ProgrammeCode code, int version, ProgrammeDefinition definition, String recordedBy)
        implements CatalogueItemDefined<ProgrammeDefinition> {

    @Override
    public CatalogueKind kind() {
        return CatalogueKind.PROGRAMME;
    }

    @Override
    public String itemCode() {
        return code.value();
    }
}
