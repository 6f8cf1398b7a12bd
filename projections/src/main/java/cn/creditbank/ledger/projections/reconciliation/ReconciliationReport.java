package cn.creditbank.ledger.projections.reconciliation;

import java.util.List;

/**
 * What reconciliation found for one projection.
 *
 * @param projection    the processing group
 * @param headPosition  the highest global index in the event store
 * @param processedUpTo the position up to which the projection has handled every event it will ever handle
 *                      (its token's lower bound; -1 before the first event)
 * @param missing       global indexes at or below {@code processedUpTo} that the read model never received
 * @param deadLetters   events parked in the projection's dead-letter queue
 */
public record ReconciliationReport(String projection, long headPosition, long processedUpTo, List<Long> missing,
                                   long deadLetters) {

    public boolean consistent() {
        return missing.isEmpty() && deadLetters == 0;
    }

    public long lag() {
        return Math.max(0, headPosition - processedUpTo);
    }
}
