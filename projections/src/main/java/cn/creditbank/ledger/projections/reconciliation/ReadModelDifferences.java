package cn.creditbank.ledger.projections.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which rows of a table differ between two sources with the same columns: a full join on the primary key, comparing
 * each row's JSON text (the checksum's own representation, so a difference the checksum sees is a row listed here).
 */
final class ReadModelDifferences {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS); // 2.00 credits stay 2.00
    private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final int maxRows;

    ReadModelDifferences(JdbcTemplate jdbc, int maxRows) {
        this.jdbc = jdbc;
        this.maxRows = maxRows;
    }

    /** The table's difference, or empty when both sources hold the same rows. */
    Optional<TableDifference> of(ReadModelTable table, String liveSource, String replaySource) {
        long[] counts = jdbc.queryForObject("SELECT (SELECT count(*) FROM " + liveSource + " r), (SELECT count(*) FROM "
                + replaySource + " r)", (rs, row) -> new long[]{rs.getLong(1), rs.getLong(2)});
        List<RowDifference> rows = jdbc.query("""
                        SELECT CASE WHEN l.k IS NULL THEN 'REPLAY_ONLY' WHEN p.k IS NULL THEN 'LIVE_ONLY'
                                    ELSE 'DIFFERENT' END AS kind,
                               coalesce(l.key, p.key) AS key, l.j AS live, p.j AS replay
                        FROM (%1$s) l FULL JOIN (%2$s) p ON l.k = p.k
                        WHERE l.j IS DISTINCT FROM p.j
                        ORDER BY coalesce(l.k, p.k)
                        LIMIT ?""".formatted(keyed(table, liveSource), keyed(table, replaySource)),
                (rs, row) -> new RowDifference(RowDifference.Kind.valueOf(rs.getString("kind")),
                        parse(rs.getString("key")), parse(rs.getString("live")), parse(rs.getString("replay"))),
                maxRows + 1);
        if (rows.isEmpty() && counts[0] == counts[1]) {
            return Optional.empty();
        }
        return Optional.of(new TableDifference(table.name(), counts[0], counts[1],
                rows.subList(0, Math.min(rows.size(), maxRows)), rows.size() > maxRows));
    }

    /** Each row with its key (jsonb to join on, json to show in column order) and its JSON text. */
    private static String keyed(ReadModelTable table, String source) {
        String pairs = table.keyColumns().stream().map(c -> "'" + c + "', r." + c).collect(Collectors.joining(", "));
        return "SELECT jsonb_build_object(" + pairs + ") AS k, json_build_object(" + pairs + ")::text AS key, "
                + "row_to_json(r)::text AS j FROM " + source + " r";
    }

    private static Map<String, Object> parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, ROW);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
