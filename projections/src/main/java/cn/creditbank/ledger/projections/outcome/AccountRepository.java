package cn.creditbank.ledger.projections.outcome;

import cn.creditbank.ledger.core.outcome.LearnerAccount;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;

/**
 * Axon's event-sourcing repository of learner accounts, which loads an account from the streams a batch chunk read
 * ahead ({@link AccountStreams}) when there is one, else with one statement (snapshot and the events after it) rather
 * than the event store's two, and from the event store itself when that cannot answer (no such account, an unusable
 * snapshot). Everything else (locking, snapshots, appends, concurrency checks) is Axon's own.
 */
public class AccountRepository extends EventSourcingRepository<LearnerAccount> {

    private final AccountStreams streams;

    public AccountRepository(Builder<LearnerAccount> builder, AccountStreams streams) {
        super(builder);
        this.streams = streams;
    }

    @Override
    protected DomainEventStream readEvents(String aggregateIdentifier) {
        DomainEventStream stream = streams.take(aggregateIdentifier);
        if (stream == null) {
            stream = streams.read(aggregateIdentifier);
        }
        return stream != null ? stream : super.readEvents(aggregateIdentifier);
    }
}
