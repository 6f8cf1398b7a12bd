package cn.creditbank.ledger.projections.catalogue;

import cn.creditbank.ledger.core.catalogue.CatalogueKind;
import cn.creditbank.ledger.core.catalogue.Versioned;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The current version of catalogue items, read from {@code catalogue_item}, which is written in the same transaction
 * as the catalogue events: what the write side checks against and what the catalogue API shows.
 */
@Repository
public class CatalogueItems {

    private final JdbcTemplate jdbc;
    private final CatalogueJson json;

    CatalogueItems(JdbcTemplate jdbc, CatalogueJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<CatalogueEntry> latest(CatalogueKind kind, String code) {
        return jdbc.query("""
                        SELECT code, version, definition::text AS definition, recorded_at, recorded_by
                        FROM catalogue_item WHERE kind = ? AND code = ? ORDER BY version DESC LIMIT 1""",
                entries(kind), kind.name(), code).stream().findFirst();
    }

    <D> Optional<Versioned<D>> latest(CatalogueKind kind, String code, Class<D> type) {
        return latest(kind, code).map(entry -> new Versioned<>(entry.version(), type.cast(entry.definition())));
    }

    /** The current version of every item of a kind, by code. */
    public List<CatalogueEntry> list(CatalogueKind kind, long offset, int limit) {
        return jdbc.query("""
                        SELECT DISTINCT ON (code) code, version, definition::text AS definition, recorded_at,
                               recorded_by
                        FROM catalogue_item WHERE kind = ? ORDER BY code, version DESC OFFSET ? LIMIT ?""",
                entries(kind), kind.name(), offset, limit);
    }

    public long count(CatalogueKind kind) {
        return Objects.requireNonNull(jdbc.queryForObject(
                "SELECT count(DISTINCT code) FROM catalogue_item WHERE kind = ?", Long.class, kind.name()));
    }

    private RowMapper<CatalogueEntry> entries(CatalogueKind kind) {
        return (rs, row) -> new CatalogueEntry(kind, rs.getString("code"), rs.getInt("version"),
                json.read(rs.getString("definition"), kind.definitionType()), rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"));
    }
}
