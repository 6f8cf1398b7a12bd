package cn.creditbank.ledger.projections.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One table of a projection's read model, as replay and comparison need it: the columns that order its rows in the
 * checksum, the columns that identify a row in a difference, and how to read it "as it stood at knownAt" from the
 * live table (see {@link ReplayableProjection} for why those rules reproduce a replay cut at knownAt).
 *
 * @param name         the unqualified table name, as the projection writes it
 * @param orderColumns the checksum's row order (unchanged from the first checksum, so old digests stay comparable)
 * @param keyColumns   the primary key: what names a row in a difference
 * @param knownAtRows  SQL condition on the live row {@code x}: the row existed at {@value #KNOWN_AT}
 * @param knownAtValues SQL expressions over {@code x} replacing columns whose value changed after {@value #KNOWN_AT}
 */
public record ReadModelTable(String name, List<String> orderColumns, List<String> keyColumns, String knownAtRows,
                             Map<String, String> knownAtValues) {

    /** Placeholder in {@link #knownAtRows} and {@link #knownAtValues} for the knownAt instant. */
    public static final String KNOWN_AT = "{knownAt}";

    public ReadModelTable {
        orderColumns = List.copyOf(orderColumns);
        keyColumns = List.copyOf(keyColumns);
        knownAtValues = Map.copyOf(knownAtValues);
    }

    /**
     * A SELECT of the live table as it stood at {@code knownAt}, with the table's columns in their own order (so
     * {@code row_to_json} of its rows looks exactly like a row of the table), or the table itself without knownAt.
     */
    String liveSource(List<String> columns, Instant knownAt) {
        if (knownAt == null) {
            return name;
        }
        String instant = "TIMESTAMPTZ '" + knownAt + "'"; // a parsed Instant: digits, '-', ':', '.', 'T', 'Z' only
        String select = String.join(", ", columns.stream()
                .map(c -> knownAtValues.containsKey(c) ? "(" + knownAtValues.get(c) + ") AS " + c : "x." + c)
                .toList());
        return ("(SELECT " + select + " FROM " + name + " x WHERE " + knownAtRows + ")").replace(KNOWN_AT, instant);
    }
}
