package cn.creditbank.ledger.api.outcome.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/** The answer for one row, by its 0-based position in the batch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "What became of one row; outcomeId for ACCEPTED and DUPLICATE, code and detail for REJECTED")
public record RowResult(int index, RowStatus status, String outcomeId, String code, String detail) {

    static RowResult accepted(int index, String outcomeId) {
        return new RowResult(index, RowStatus.ACCEPTED, outcomeId, null, null);
    }

    static RowResult duplicate(int index, String outcomeId) {
        return new RowResult(index, RowStatus.DUPLICATE, outcomeId, null, null);
    }

    static RowResult rejected(int index, Enum<?> code, String detail) {
        return rejected(index, code.name(), detail);
    }

    static RowResult rejected(int index, String code, String detail) {
        return new RowResult(index, RowStatus.REJECTED, null, code, detail);
    }
}
