package cn.creditbank.ledger.projections.reconciliation;

import cn.creditbank.ledger.projections.eventstore.ProjectionPositions;
import cn.creditbank.ledger.projections.eventstore.ProjectionProcessors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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

    private final JdbcTemplate jdbc;
    private final ProjectionPositions positions;

    public ProjectionReconciliation(JdbcTemplate jdbc, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    public ReconciliationReport outcomeHistory() {
        String projection = ProjectionProcessors.OUTCOME_HISTORY;
        long head = positions.head();
        long processedUpTo = positions.processedUpTo(projection);
        List<Long> missing = jdbc.queryForList("""
                        SELECT e.global_index FROM domain_event_entry e
                        WHERE e.type = 'LearnerAccount' AND e.global_index <= ?
                          AND NOT EXISTS (SELECT 1 FROM outcome_version v
                                          WHERE v.learner_id = e.aggregate_identifier
                                            AND v.event_sequence = e.sequence_number)
                          AND NOT EXISTS (SELECT 1 FROM learner_account a
                                          WHERE a.learner_id = e.aggregate_identifier
                                            AND a.event_sequence = e.sequence_number)
                        ORDER BY e.global_index LIMIT ?""",
                Long.class, processedUpTo, MAX_REPORTED);
        long deadLetters = Objects.requireNonNull(jdbc.queryForObject(
                "SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?", Long.class, projection));
        return new ReconciliationReport(projection, head, processedUpTo, missing, deadLetters);
    }
}
