package cn.creditbank.ledger.core.catalogue;

/** The kinds of catalogue item; each has its own aggregate and its own "…Defined" event. */
public enum CatalogueKind {
    INSTITUTION, UNIT, PROGRAMME, RULE, LADDER
}
