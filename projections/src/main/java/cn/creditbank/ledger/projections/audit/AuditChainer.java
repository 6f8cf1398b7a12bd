package cn.creditbank.ledger.projections.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Appends every stored event to the hash chain ({@code audit_chain}) exactly once, and signs checkpoints.
 *
 * <p><b>Order.</b> The chain's order is {@code chain_sequence}, not the ledger position: an event whose transaction
 * commits late can carry a lower global index than events already chained (ARCHITECTURE.md, gap timeout). Each run
 * appends, in global-index order, every visible event not chained yet: the new ones above the highest chained
 * position, and the late ones below it. A late one is found without scanning the ledger: when a run chains past a
 * number that has no visible event, it records that number in {@code audit_chain_gap}; every later run looks those
 * numbers up again (an index lookup each) and chains the event once it has committed. A number absent for longer
 * than the horizon ({@code ledger.audit.gap-horizon}, default 10 minutes; far above the database's transaction
 * timeouts, so only a rolled-back number stays absent that long) is forgotten. So the low-water mark, the smallest
 * remembered gap minus one (or the highest chained position), has below it only numbers that are chained or were
 * absent past the horizon; an unchained event there was written or renumbered behind the chainer's back, and the
 * verifier reports it.
 *
 * <p><b>Several nodes.</b> Every node schedules the chainer; a run appends inside one transaction that holds
 * {@code pg_try_advisory_xact_lock}, so one node writes at a time and the others skip that tick. No state is kept in
 * memory between runs: the chain's head, its highest position and the gaps are read from the tables each time.
 *
 * <p><b>Checkpoints.</b> A run signs a checkpoint at every {@code ledger.audit.checkpoint-every}-th link, and of the
 * head when the head moved and the latest checkpoint is older than {@code ledger.audit.checkpoint-interval} (or there
 * is none yet).
 */
@Component
public class AuditChainer {

    private static final Logger LOG = LoggerFactory.getLogger(AuditChainer.class);

    /** The advisory lock of the chain writer ("AUDIT" in ASCII); no other code of the ledger takes advisory locks. */
    static final long CHAIN_LOCK = 0x4155444954L;

    /**
     * Late events (their numbers are remembered gaps) and then the next new ones, together in global-index order. An
     * event whose id is chained already (a row renumbered behind the chainer's back) is left out rather than failing
     * every run on the unique constraint: the verifier reports the renumbering where the event was chained.
     */
    private static final String CANDIDATES = """
            SELECT %1$s FROM domain_event_entry e JOIN audit_chain_gap g ON g.position = e.global_index
            WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.position = e.global_index %2$s)
            UNION ALL
            (SELECT %1$s FROM domain_event_entry e WHERE e.global_index > ?
             AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE %3$s)
             ORDER BY e.global_index LIMIT ?)
            ORDER BY global_index LIMIT ?""".formatted(StoredEventRows.COLUMNS,
            "OR c.event_identifier = e.event_identifier", "c.event_identifier = e.event_identifier");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AuditCheckpoints checkpoints;
    private final Clock clock;
    private final int batchSize;
    private final Duration gapHorizon;
    private final long checkpointEvery;
    private final Duration checkpointInterval;

    public AuditChainer(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditCheckpoints checkpoints,
                        Clock clock,
                        @Value("${ledger.audit.batch-size:2000}") int batchSize,
                        @Value("${ledger.audit.gap-horizon:10m}") Duration gapHorizon,
                        @Value("${ledger.audit.checkpoint-every:1000}") long checkpointEvery,
                        @Value("${ledger.audit.checkpoint-interval:5m}") Duration checkpointInterval) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.batchSize = batchSize;
        this.gapHorizon = gapHorizon;
        this.checkpointEvery = checkpointEvery;
        this.checkpointInterval = checkpointInterval;
    }

    /** The schedule: catches up in batches; skips when another node is chaining. */
    @Scheduled(initialDelayString = "${ledger.audit.chain-initial-delay-ms:1000}",
            fixedDelayString = "${ledger.audit.chain-interval-ms:1000}")
    public void tick() {
        try {
            runUntilCaughtUp(false);
        } catch (RuntimeException e) {
            // the next tick retries; nothing was half-written (one transaction per batch)
            LOG.warn("Audit chaining failed; retrying on the next tick", e);
        }
    }

    /**
     * Chains every event visible now and signs the checkpoints that are due, waiting for another node's run to end
     * rather than skipping: for tests, the CLI and anyone who must know the chain is current.
     */
    public ChainRun chain() {
        return runUntilCaughtUp(true);
    }

    private ChainRun runUntilCaughtUp(boolean wait) {
        ChainRun total = runOnce(wait);
        ChainRun last = total;
        while (!last.skipped() && last.appended() == batchSize) {
            last = runOnce(wait);
            total = total.plus(last);
        }
        return total;
    }

    private record Link(long sequence, long position, String hash) {
    }

    private ChainRun runOnce(boolean wait) {
        return Objects.requireNonNull(transaction.execute(status -> {
            if (!lock(wait)) {
                return ChainRun.skippedRun();
            }
            Instant now = clock.instant();
            Link head = jdbc.query("SELECT chain_sequence, position, hash FROM audit_chain "
                            + "ORDER BY chain_sequence DESC LIMIT 1",
                    (row, n) -> new Link(row.getLong(1), row.getLong(2), row.getString(3)))
                    .stream().findFirst().orElse(new Link(0, 0, ChainHash.GENESIS));
            long highest = Objects.requireNonNull(jdbc.queryForObject(
                    "SELECT coalesce(max(position), 0) FROM audit_chain", Long.class));

            List<Object[]> rows = new ArrayList<>();
            List<Link> due = new ArrayList<>();
            Link[] last = {head};
            Timestamp chainedAt = Timestamp.from(now);
            jdbc.query(CANDIDATES, row -> {
                StoredEvent event = StoredEventRows.read(row);
                Link previous = last[0];
                Link link = new Link(previous.sequence() + 1, event.position(),
                        ChainHash.next(previous.hash(), event));
                rows.add(new Object[]{link.sequence(), link.position(), event.eventId(), link.hash(),
                        previous.hash()});
                if (link.sequence() % checkpointEvery == 0) {
                    due.add(link);
                }
                last[0] = link;
            }, highest, batchSize, batchSize);
            append(rows, chainedAt);

            long newHighest = rows.stream().mapToLong(row -> (Long) row[1]).reduce(highest, Math::max);
            rememberGaps(highest, newHighest, now);
            int signed = 0;
            for (Link link : due) {
                checkpoints.sign(link.sequence(), link.position(), link.hash(), now);
                signed++;
            }
            if (checkpointDue(last[0], now)) {
                checkpoints.sign(last[0].sequence(), last[0].position(), last[0].hash(), now);
                signed++;
            }
            return new ChainRun(false, rows.size(), signed, last[0].sequence(), last[0].position(),
                    lowWater(newHighest));
        }));
    }

    /** One statement for the whole batch (arrays unnested), several times faster than a JDBC batch of rows. */
    private void append(List<Object[]> rows, Timestamp chainedAt) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update("""
                INSERT INTO audit_chain (chain_sequence, position, event_identifier, hash, previous_hash, chained_at)
                SELECT link.*, ? FROM unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[]) link""",
                statement -> {
                    Connection connection = statement.getConnection();
                    statement.setTimestamp(1, chainedAt);
                    for (int column = 0; column < 5; column++) {
                        Object[] values = new Object[rows.size()];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = rows.get(i)[column];
                        }
                        statement.setArray(column + 2, connection.createArrayOf(column < 2 ? "bigint" : "varchar",
                                values));
                    }
                });
    }

    private boolean lock(boolean wait) {
        if (wait) {
            jdbc.query("SELECT 1 FROM pg_advisory_xact_lock(?)", row -> { }, CHAIN_LOCK);
            return true;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                CHAIN_LOCK));
    }

    /**
     * Forgets the gaps this run filled (late events now chained), remembers the numbers it passed without an event,
     * and forgets those absent for longer than the horizon.
     */
    private void rememberGaps(long highest, long newHighest, Instant now) {
        jdbc.update("DELETE FROM audit_chain_gap g USING audit_chain c WHERE c.position = g.position");
        if (newHighest > highest) {
            jdbc.update("""
                    INSERT INTO audit_chain_gap (position, seen_at)
                    SELECT n, ? FROM generate_series(?::bigint, ?::bigint) n
                    WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.position = n)""",
                    Timestamp.from(now), highest + 1, newHighest);
        }
        int forgotten = jdbc.update("DELETE FROM audit_chain_gap WHERE seen_at < ?",
                Timestamp.from(now.minus(gapHorizon)));
        if (forgotten > 0) {
            // numbers of rolled-back appends (a refused duplicate, a concurrency conflict): normal, and never reused
            LOG.debug("{} ledger positions stayed empty for {}; no longer awaited", forgotten, gapHorizon);
        }
    }

    private long lowWater(long highest) {
        Long smallestGap = jdbc.queryForObject("SELECT min(position) FROM audit_chain_gap", Long.class);
        return smallestGap == null ? highest : smallestGap - 1;
    }

    /** The low-water mark as stored now (see the class comment). */
    public long lowWater() {
        return lowWater(Objects.requireNonNull(jdbc.queryForObject(
                "SELECT coalesce(max(position), 0) FROM audit_chain", Long.class)));
    }

    /** The head moved past the latest checkpoint, and that one is older than the interval (or there is none). */
    private boolean checkpointDue(Link head, Instant now) {
        if (head.sequence() == 0) {
            return false;
        }
        return checkpoints.latest()
                .map(latest -> head.sequence() > latest.chainSequence()
                        && !latest.signedAt().plus(checkpointInterval).isAfter(now))
                .orElse(true);
    }
}
