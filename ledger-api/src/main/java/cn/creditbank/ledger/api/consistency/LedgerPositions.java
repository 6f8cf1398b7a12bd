package cn.creditbank.ledger.api.consistency;

import cn.creditbank.ledger.projections.eventstore.ProjectionPositions;
import cn.creditbank.ledger.projections.eventstore.ProjectionProcessors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Read-your-writes (API.md): a write answers with the global index of the stream's newest event as
 * {@code Ledger-Position}; a read given {@code Min-Ledger-Position} waits until every projection has got there.
 */
@Component
public class LedgerPositions {

    public static final String HEADER = "Ledger-Position";
    public static final String MIN_HEADER = "Min-Ledger-Position";

    private final JdbcTemplate jdbc;
    private final ProjectionPositions projections;

    public LedgerPositions(JdbcTemplate jdbc, ProjectionPositions projections) {
        this.jdbc = jdbc;
        this.projections = projections;
    }

    /**
     * The position of the newest event of an aggregate, read after its command committed: at least the position
     * of what this request wrote (a concurrent later write only makes a reader wait a little longer), and for a
     * retry that wrote nothing, the position of the original.
     */
    public long of(Object aggregateId) {
        List<Long> newest = jdbc.queryForList("""
                SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?
                ORDER BY sequence_number DESC LIMIT 1""", Long.class, aggregateId.toString());
        return newest.isEmpty() ? head() : newest.get(0);
    }

    /** The newest position of the whole ledger. */
    public long head() {
        return projections.head();
    }

    /** Whether every projection has processed {@code position} within {@code timeout}. */
    public boolean awaitProjections(long position, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String projection : ProjectionProcessors.STREAMING_PROJECTIONS) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (!projections.awaitPosition(projection, position, left)) {
                return false;
            }
        }
        return true;
    }
}
