package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.LadderCode;

/** A fact that version {@code version} of a skill-grade ladder was defined, with its whole definition. */
public record GradeLadderDefined(LadderCode code, int version, GradeLadderDefinition definition, String recordedBy)
        implements CatalogueItemDefined<GradeLadderDefinition> {

    @Override
    public CatalogueKind kind() {
        return CatalogueKind.LADDER;
    }

    @Override
    public String itemCode() {
        return code.value();
    }
}
