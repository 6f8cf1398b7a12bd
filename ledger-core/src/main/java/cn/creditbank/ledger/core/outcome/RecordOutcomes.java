package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Record several outcomes of one learner at once (a batch import). Each item is judged exactly as its own
 * {@link RecordOutcome} would be, in order, so a later item sees the earlier ones; a refused item records nothing
 * and refuses none of the others. Answers one {@link ItemRecorded} per item, in item order.
 */
public record RecordOutcomes(@TargetAggregateIdentifier LearnerId learnerId, List<RecordOutcome> items) {

    public RecordOutcomes {
        Require.present(learnerId, "learnerId");
        Require.present(items, "items");
        items = List.copyOf(items);
        for (RecordOutcome item : items) {
            if (!item.learnerId().equals(learnerId)) {
                throw new IllegalArgumentException("every item must be for learner " + learnerId);
            }
        }
    }
}
