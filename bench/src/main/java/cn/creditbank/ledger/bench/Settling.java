package cn.creditbank.ledger.bench;

import cn.creditbank.ledger.projections.eventstore.ProjectionPositions;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static cn.creditbank.ledger.projections.eventstore.ProjectionProcessors.STREAMING_PROJECTIONS;

/**
 * Waits until what a phase set going in the background is done: both streaming projections and the audit chain at
 * the ledger's head. Then the next phase is measured on a quiet application, and the work a phase caused is counted
 * as that phase's, not as the next one's.
 */
final class Settling {

    /**
     * PostgreSQL's backends report their statistics when they go idle, and an idle backend at the latest after ten
     * seconds (PGSTAT_IDLE_INTERVAL): a phase's last transactions are in the statistics only after that.
     */
    static final Duration STATISTICS_REPORTED = Duration.ofMillis(10_500);
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private final LedgerProcess ledger;
    private final ProjectionPositions positions;
    private final JdbcTemplate jdbc;
    private final Duration statisticsWait;

    /** {@code statisticsWait}: {@link #STATISTICS_REPORTED}, or zero where a run has no time for it (quick mode). */
    Settling(LedgerProcess ledger, ProjectionPositions positions, JdbcTemplate jdbc, Duration statisticsWait) {
        this.ledger = ledger;
        this.positions = positions;
        this.jdbc = jdbc;
        this.statisticsWait = statisticsWait;
    }

    /** Until the projections and the audit chain have reached the head, and then until it is all counted. */
    void awaitHead() throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        long head = positions.head();
        while (!STREAMING_PROJECTIONS.stream().allMatch(p -> positions.processedUpTo(p) >= head) || chained() < head) {
            ledger.assertAlive();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("projections or audit chain not at the head " + head + " within "
                        + LIMIT);
            }
            Thread.sleep(100);
        }
        Thread.sleep(statisticsWait.toMillis());
    }

    private long chained() {
        Long position = jdbc.queryForObject("SELECT max(position) FROM audit_chain", Long.class);
        return position == null ? -1 : position;
    }
}
