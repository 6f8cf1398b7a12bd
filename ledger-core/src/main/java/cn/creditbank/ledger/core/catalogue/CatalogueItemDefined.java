package cn.creditbank.ledger.core.catalogue;

/**
 * What every "…Defined" catalogue event has in common: the item, its new version and the whole definition of
 * that version, so that any past version can be reproduced from one event.
 */
public interface CatalogueItemDefined<D> {

    CatalogueKind kind();

    String itemCode();

    int version();

    D definition();

    String recordedBy();
}
