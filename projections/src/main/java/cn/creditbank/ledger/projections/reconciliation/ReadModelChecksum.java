package cn.creditbank.ledger.projections.reconciliation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A digest of a read model's whole content in a stable order, to compare a rebuilt projection with the live one:
 * md5 over each table's rows as JSON ({@code row_to_json}) in the table's order, tables joined by '|'.
 */
@Component
public class ReadModelChecksum {

    private final JdbcTemplate jdbc;

    public ReadModelChecksum(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String outcomeHistory() {
        return of(ReplayableProjection.OUTCOME_HISTORY.tables(), ReadModelTable::name);
    }

    public String transfers() {
        return of(ReplayableProjection.TRANSFERS.tables(), ReadModelTable::name);
    }

    /**
     * The digest of the given tables, each read from {@code source}: a table name (qualified for a scratch copy) or a
     * parenthesised SELECT with the table's columns in the table's order. The same method for live and replayed rows,
     * so equal content gives equal digests.
     */
    public String of(List<ReadModelTable> tables, Function<ReadModelTable, String> source) {
        String perTable = tables.stream()
                .map(t -> "coalesce((SELECT string_agg(row_to_json(r)::text, ',' ORDER BY "
                        + t.orderColumns().stream().map(c -> "r." + c).collect(Collectors.joining(", "))
                        + ") FROM " + source.apply(t) + " r), '')")
                .collect(Collectors.joining(", "));
        return Objects.requireNonNull(jdbc.queryForObject("SELECT md5(concat_ws('|', " + perTable + "))",
                String.class));
    }
}
