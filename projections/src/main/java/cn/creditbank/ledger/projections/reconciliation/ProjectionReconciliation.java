package cn.creditbank.ledger.projections.reconciliation;

import cn.creditbank.ledger.projections.eventstore.ProjectionPositions;
import cn.creditbank.ledger.projections.eventstore.ProjectionProcessors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Proves that every stored event reached the outcome-history read model. Axon's JDBC reader skips an event whose
 * transaction commits more than the gap timeout after later-numbered events; nothing reports it. This check joins
 * the event store with the read model (each row carries the learner stream's sequence number) for every event at or
 * below the processor's safe position, so a skipped event shows up by its global index. Read-only and stateless:
 * any node may run it at any time.
 */
@Component
public class ProjectionReconciliation {

    private static final int MAX_REPORTED = 100;
    /** A learner event is applied when the read model holds the row its (learner, sequence number) produced. */
    private static final String UNAPPLIED_LEARNER_EVENTS = """
            SELECT e.global_index FROM domain_event_entry e
            WHERE e.type = 'LearnerAccount' AND %s
              AND NOT EXISTS (SELECT 1 FROM outcome_version v
                              WHERE v.learner_id = e.aggregate_identifier AND v.event_sequence = e.sequence_number)
              AND NOT EXISTS (SELECT 1 FROM learner_account a
                              WHERE a.learner_id = e.aggregate_identifier AND a.event_sequence = e.sequence_number)
            ORDER BY e.global_index""";

    private final JdbcTemplate jdbc;
    private final ProjectionPositions positions;

    public ProjectionReconciliation(JdbcTemplate jdbc, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    /** Events below this were all found in the read model, or are in {@link #knownMissing}. Derived, per node. */
    private long verifiedUpTo = -1;
    private List<Long> knownMissing = List.of();

    /**
     * Checks only what was not verified before: events past the last verified position, and those found missing
     * earlier (a replay may have repaired them). A projection that went back (a rebuild) is checked from the start.
     */
    public synchronized ReconciliationReport outcomeHistory() {
        String projection = ProjectionProcessors.OUTCOME_HISTORY;
        long head = positions.head();
        long processedUpTo = positions.processedUpTo(projection);
        if (processedUpTo < verifiedUpTo) {
            verifiedUpTo = -1;
            knownMissing = List.of();
        }
        List<Long> missing = new ArrayList<>(stillMissing(knownMissing));
        missing.addAll(missingBetween(verifiedUpTo, processedUpTo));
        verifiedUpTo = Math.max(verifiedUpTo, processedUpTo);
        knownMissing = List.copyOf(missing);
        long deadLetters = Objects.requireNonNull(jdbc.queryForObject(
                "SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?", Long.class, projection));
        return new ReconciliationReport(projection, head, processedUpTo,
                missing.subList(0, Math.min(missing.size(), MAX_REPORTED)), deadLetters);
    }

    /** Learner events with global index in (after, upTo] that left no row in the read model. */
    private List<Long> missingBetween(long after, long upTo) {
        return upTo <= after ? List.of()
                : jdbc.queryForList(UNAPPLIED_LEARNER_EVENTS.formatted("e.global_index > ? AND e.global_index <= ?"),
                Long.class, after, upTo);
    }

    /** Which of the events found missing before are missing still. */
    private List<Long> stillMissing(List<Long> indexes) {
        return indexes.isEmpty() ? List.of()
                : jdbc.queryForList(UNAPPLIED_LEARNER_EVENTS.formatted("e.global_index = ANY (?)"), Long.class,
                (Object) indexes.toArray(Long[]::new));
    }
}
