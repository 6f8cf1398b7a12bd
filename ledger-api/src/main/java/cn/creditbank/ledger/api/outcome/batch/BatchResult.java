package cn.creditbank.ledger.api.outcome.batch;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The answer to a batch: counts by status and one result per row, in row order. */
@Schema(description = "Counts by status and one result per row, in the order of the rows")
public record BatchResult(int accepted, int duplicates, int rejected, List<RowResult> results) {

    static BatchResult of(List<RowResult> results) {
        int accepted = 0;
        int duplicates = 0;
        for (RowResult result : results) {
            if (result.status() == RowStatus.ACCEPTED) {
                accepted++;
            } else if (result.status() == RowStatus.DUPLICATE) {
                duplicates++;
            }
        }
        return new BatchResult(accepted, duplicates, results.size() - accepted - duplicates, List.copyOf(results));
    }
}
