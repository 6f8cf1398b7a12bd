package cn.creditbank.ledger.projections.reconciliation;

import java.time.Instant;
import java.util.List;

/**
 * A projection rebuilt from the events into a scratch schema, compared with the live read model.
 *
 * @param projection     the processing group replayed
 * @param knownAt        the transaction time cut: only events recorded at or before it were replayed, and the live
 *                       model was read as it stood then; {@code null} for a full replay
 * @param events         events fed to the projection (every event up to the store's head, at or before knownAt)
 * @param matches        whether both checksums are equal
 * @param liveChecksum   {@link ReadModelChecksum} of the live tables (as of knownAt)
 * @param replayChecksum the same digest of the scratch tables
 * @param differences    the tables that differ, with their row counts and the first differing rows; empty on a match
 */
public record ReplayComparison(String projection, Instant knownAt, long events, boolean matches, String liveChecksum,
                               String replayChecksum, List<TableDifference> differences) {

    public ReplayComparison {
        differences = List.copyOf(differences);
    }
}
