package cn.creditbank.ledger.projections.catalogue;

import cn.creditbank.ledger.core.catalogue.CatalogueItemDefined;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Writes every catalogue version to {@code catalogue_item}. It runs in a subscribing processor, inside the
 * transaction that stores the event, so the write side reads a catalogue that is never behind the event store.
 * Idempotent: a version already stored is left as it is.
 */
@Component
@ProcessingGroup(CatalogueStore.PROCESSING_GROUP)
class CatalogueStore {

    static final String PROCESSING_GROUP = "catalogue-store";

    private final JdbcTemplate jdbc;
    private final CatalogueJson json;
    private final JdbcCatalogue catalogue;

    CatalogueStore(JdbcTemplate jdbc, CatalogueJson json, JdbcCatalogue catalogue) {
        this.jdbc = jdbc;
        this.json = json;
        this.catalogue = catalogue;
    }

    /** One handler for all five "…Defined" events: Axon matches a handler by assignable payload type. */
    @EventHandler
    void on(CatalogueItemDefined<?> event, @Timestamp Instant recordedAt) {
        catalogue.defining(event.kind(), event.itemCode());
        jdbc.update("""
                        INSERT INTO catalogue_item (kind, code, version, definition, recorded_at, recorded_by)
                        VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?)
                        ON CONFLICT (kind, code, version) DO NOTHING""",
                event.kind().name(), event.itemCode(), event.version(), json.write(event.definition()),
                java.sql.Timestamp.from(recordedAt), event.recordedBy());
    }
}
