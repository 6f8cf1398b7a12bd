package cn.creditbank.ledger.projections.reconciliation;

import java.util.List;

/**
 * How one table of the live model differs from its replayed copy.
 *
 * @param table      the table name
 * @param liveRows   rows in the live table (as of knownAt)
 * @param replayRows rows in the replayed table
 * @param rows       the first differing rows, in key order
 * @param truncated  whether more rows differ than are listed
 */
public record TableDifference(String table, long liveRows, long replayRows, List<RowDifference> rows,
                              boolean truncated) {

    public TableDifference {
        rows = List.copyOf(rows);
    }
}
