package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.OutcomeId;

/**
 * The answer to one item of {@link RecordOutcomes}: the outcome's id (the item's own when it was recorded now, an
 * earlier one for a retry) or the refusal, with the code and detail its own {@link RecordOutcome} would have thrown.
 */
public record ItemRecorded(OutcomeId outcomeId, ErrorCode refusal, String detail) {

    static ItemRecorded recorded(OutcomeId outcomeId) {
        return new ItemRecorded(outcomeId, null, null);
    }

    static ItemRecorded refused(DomainException refusal) {
        return new ItemRecorded(null, refusal.code(), refusal.getMessage());
    }

    public boolean refused() {
        return refusal != null;
    }
}
