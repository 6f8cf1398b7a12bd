package cn.creditbank.ledger.projections.catalogue;

import cn.creditbank.ledger.core.catalogue.CatalogueKind;

import java.time.Instant;

/** One stored version of a catalogue item: its whole definition and when and by whom it was recorded. */
public record CatalogueEntry(CatalogueKind kind, String code, int version, Object definition, Instant recordedAt,
                             String recordedBy) {
}
