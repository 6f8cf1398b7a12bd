package cn.creditbank.ledger.projections.catalogue;

import cn.creditbank.ledger.core.catalogue.CatalogueKind;
import cn.creditbank.ledger.core.catalogue.ConversionRuleDefinition;
import cn.creditbank.ledger.core.catalogue.GradeLadderDefinition;
import cn.creditbank.ledger.core.catalogue.ProgrammeDefinition;
import cn.creditbank.ledger.core.catalogue.UnitDefinition;
import cn.creditbank.ledger.core.catalogue.Versioned;
import cn.creditbank.ledger.core.shared.LadderCode;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.RuleId;
import cn.creditbank.ledger.core.shared.UnitCode;
import cn.creditbank.ledger.projections.credit.CatalogueSnapshot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The catalogue as the bank knew it at an instant: for every item, the latest version recorded at or before it.
 * The catalogue is small (hundreds of items), so a snapshot is one query.
 */
@Repository
public class CatalogueHistory {

    private final JdbcTemplate jdbc;
    private final CatalogueJson json;

    CatalogueHistory(JdbcTemplate jdbc, CatalogueJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public CatalogueSnapshot snapshotAt(Instant knownAt) {
        Map<UnitCode, Versioned<UnitDefinition>> units = new HashMap<>();
        Map<ProgrammeCode, Versioned<ProgrammeDefinition>> programmes = new HashMap<>();
        Map<RuleId, Versioned<ConversionRuleDefinition>> rules = new HashMap<>();
        Map<LadderCode, Versioned<GradeLadderDefinition>> ladders = new HashMap<>();
        jdbc.query("""
                        SELECT DISTINCT ON (kind, code) kind, code, version, definition::text AS definition
                        FROM catalogue_item WHERE recorded_at <= ?
                        ORDER BY kind, code, version DESC""",
                rs -> {
                    String code = rs.getString("code");
                    int version = rs.getInt("version");
                    String definition = rs.getString("definition");
                    switch (CatalogueKind.valueOf(rs.getString("kind"))) {
                        case UNIT -> put(units, UnitCode::of, code, version, definition, UnitDefinition.class);
                        case PROGRAMME -> put(programmes, ProgrammeCode::of, code, version, definition,
                                ProgrammeDefinition.class);
                        case RULE -> put(rules, RuleId::of, code, version, definition, ConversionRuleDefinition.class);
                        case LADDER -> put(ladders, LadderCode::of, code, version, definition,
                                GradeLadderDefinition.class);
                        case INSTITUTION -> { } // not needed by the credit calculations
                    }
                }, Timestamp.from(knownAt));
        return new CatalogueSnapshot(units, programmes, rules, ladders);
    }

    private <K, D> void put(Map<K, Versioned<D>> target, Function<String, K> key, String code, int version,
                            String definition, Class<D> type) {
        target.put(key.apply(code), new Versioned<>(version, json.read(definition, type)));
    }
}
