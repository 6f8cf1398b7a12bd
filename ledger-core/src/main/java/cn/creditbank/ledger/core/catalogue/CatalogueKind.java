package cn.creditbank.ledger.core.catalogue;

/** The kinds of catalogue item; each has its own aggregate and its own "…Defined" event. */
public enum CatalogueKind {
    INSTITUTION(InstitutionDefinition.class),
    UNIT(UnitDefinition.class),
    PROGRAMME(ProgrammeDefinition.class),
    RULE(ConversionRuleDefinition.class),
    LADDER(GradeLadderDefinition.class);

    private final Class<?> definitionType;

    CatalogueKind(Class<?> definitionType) {
        this.definitionType = definitionType;
    }

    /** The record type of this kind's definitions, as stored in its "…Defined" events. */
    public Class<?> definitionType() {
        return definitionType;
    }
}
