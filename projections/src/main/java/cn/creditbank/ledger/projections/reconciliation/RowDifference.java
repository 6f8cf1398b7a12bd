package cn.creditbank.ledger.projections.reconciliation;

import java.util.Map;

/**
 * One row that differs between the live model and the replay, named by its primary key.
 *
 * @param kind   present only live, only in the replay, or on both sides with different values
 * @param key    the row's primary-key columns and values
 * @param live   the live row (column to value), absent when {@link Kind#REPLAY_ONLY}
 * @param replay the replayed row, absent when {@link Kind#LIVE_ONLY}
 */
public record RowDifference(Kind kind, Map<String, Object> key, Map<String, Object> live,
                            Map<String, Object> replay) {

    public enum Kind { LIVE_ONLY, REPLAY_ONLY, DIFFERENT }
}
