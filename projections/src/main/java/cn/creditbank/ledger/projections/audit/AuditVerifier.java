package cn.creditbank.ledger.projections.audit;

import cn.creditbank.ledger.projections.audit.ChainVerification.Mismatch;
import cn.creditbank.ledger.projections.audit.ChainVerification.Reason;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.security.PublicKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Recomputes the hash chain from the stored events, in chain order, and checks the signed checkpoints against it.
 * It reads in one read-only REPEATABLE READ transaction (one snapshot of events, links, gaps and checkpoints, so a
 * chainer run committing meanwhile cannot cause a false alarm) and in chunks of links, each streamed with a fetch
 * size, so memory stays constant however long the ledger is. It stops at the first problem.
 */
@Component
public class AuditVerifier {

    private static final int FETCH_SIZE = 1000;

    private static final String LINKS = """
            SELECT c.chain_sequence, c.position AS link_position, c.event_identifier AS link_event,
                   c.hash AS link_hash, c.previous_hash, %s,
                   k.position AS checkpoint_position, k.hash AS checkpoint_hash, k.signed_at, k.key_id, k.signature
            FROM audit_chain c
            LEFT JOIN domain_event_entry e ON e.global_index = c.position
            LEFT JOIN audit_checkpoint k ON k.chain_sequence = c.chain_sequence
            WHERE c.chain_sequence BETWEEN ? AND ?
            ORDER BY c.chain_sequence""".formatted(StoredEventRows.COLUMNS);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final AuditSigningKeys keys;
    private final AuditChainer chainer;
    private final int chunk;

    public AuditVerifier(DataSource dataSource, PlatformTransactionManager transactions, AuditSigningKeys keys,
                         AuditChainer chainer, @Value("${ledger.audit.verify-chunk:10000}") int chunk) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE); // takes effect inside the transaction below (autocommit off)
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.keys = keys;
        this.chainer = chainer;
        this.chunk = chunk;
    }

    /** The whole chain. */
    public ChainVerification verify() {
        return verify(null, null);
    }

    /**
     * The stretch of the chain from the first link whose position is at least {@code fromPosition} to the last link
     * whose position is at most {@code toPosition}, in chain order (either bound may be absent). Its first link is
     * checked against the link before it, so a partial check still proves the stretch is joined to the chain.
     * Checkpoints past the end of the chain are checked only when {@code toPosition} is absent.
     */
    public ChainVerification verify(Long fromPosition, Long toPosition) {
        return Objects.requireNonNull(snapshot.execute(status -> new Pass(fromPosition, toPosition).run()));
    }

    /** One verification: the running state of the chain walk. */
    private final class Pass {

        private final Long fromPosition;
        private final Long toPosition;
        private final Map<String, PublicKey> publicKeys = keys.publicKeys();
        private String previousHash = ChainHash.GENESIS;
        private long verified;
        private long headPosition;
        private String headHash = ChainHash.GENESIS;
        private Mismatch mismatch;

        Pass(Long fromPosition, Long toPosition) {
            this.fromPosition = fromPosition;
            this.toPosition = toPosition;
        }

        ChainVerification run() {
            Long first = fromPosition == null ? Long.valueOf(1) : jdbc.queryForObject(
                    "SELECT min(chain_sequence) FROM audit_chain WHERE position >= ?", Long.class, fromPosition);
            Long last = toPosition == null
                    ? jdbc.queryForObject("SELECT max(chain_sequence) FROM audit_chain", Long.class)
                    : jdbc.queryForObject("SELECT max(chain_sequence) FROM audit_chain WHERE position <= ?",
                    Long.class, toPosition);
            if (first != null && last != null && first <= last) {
                walk(first, last);
            }
            if (mismatch == null && toPosition == null) {
                checkpointsPastTheEnd(last == null ? 0 : last);
            }
            if (mismatch == null) {
                unchainedBelowLowWater();
            }
            return mismatch == null ? ChainVerification.intact(verified, headPosition, headHash)
                    : ChainVerification.broken(verified, headPosition, headHash, mismatch);
        }

        private void walk(long first, long last) {
            if (first > 1) {
                List<String> before = jdbc.queryForList("SELECT hash FROM audit_chain WHERE chain_sequence = ?",
                        String.class, first - 1);
                // a stretch whose predecessor is gone: its first link cannot be joined to anything
                previousHash = before.isEmpty() ? null : before.get(0);
            }
            for (long from = first; from <= last && mismatch == null; from += chunk) {
                long to = Math.min(last, from + chunk - 1);
                jdbc.query(LINKS, row -> {
                    if (mismatch == null) {
                        check(row);
                    }
                }, from, to);
            }
        }

        private void check(ResultSet row) throws SQLException {
            long sequence = row.getLong("chain_sequence");
            long position = row.getLong("link_position");
            String linkHash = row.getString("link_hash");
            String storedPrevious = row.getString("previous_hash");
            if (row.getObject("global_index") == null) {
                mismatch = new Mismatch(position, sequence, Reason.EVENT_MISSING, row.getString("link_event"), null);
                return;
            }
            if (!storedPrevious.equals(previousHash)) {
                mismatch = new Mismatch(position, sequence, Reason.HASH_MISMATCH, previousHash, storedPrevious);
                return;
            }
            String recomputed = ChainHash.next(previousHash, StoredEventRows.read(row));
            if (!recomputed.equals(linkHash)) {
                mismatch = new Mismatch(position, sequence, Reason.HASH_MISMATCH, linkHash, recomputed);
                return;
            }
            if (row.getString("key_id") != null) {
                checkCheckpoint(new Checkpoint(sequence, row.getLong("checkpoint_position"),
                        row.getString("checkpoint_hash"), row.getTimestamp("signed_at").toInstant(),
                        row.getString("key_id"), row.getString("signature")), position, linkHash);
                if (mismatch != null) {
                    return;
                }
            }
            previousHash = linkHash;
            verified++;
            headPosition = position;
            headHash = linkHash;
        }

        private void checkCheckpoint(Checkpoint checkpoint, long position, String linkHash) {
            if (checkpoint.position() != position || !checkpoint.hash().equals(linkHash)) {
                mismatch = new Mismatch(position, checkpoint.chainSequence(), Reason.CHECKPOINT_MISMATCH, linkHash,
                        checkpoint.hash());
                return;
            }
            PublicKey key = publicKeys.get(checkpoint.keyId());
            if (key == null || !Ed25519Keys.verifies(key, checkpoint)) {
                mismatch = new Mismatch(position, checkpoint.chainSequence(), Reason.BAD_SIGNATURE, null, null);
            }
        }

        /** A signed checkpoint of a link the chain no longer has: the chain was cut back. */
        private void checkpointsPastTheEnd(long lastLink) {
            jdbc.query("SELECT " + AuditCheckpoints.COLUMNS + " FROM audit_checkpoint WHERE chain_sequence > ? "
                    + "ORDER BY chain_sequence LIMIT 1", AuditCheckpoints.ROW, lastLink).stream().findFirst()
                    .ifPresent(checkpoint -> mismatch = new Mismatch(checkpoint.position(), checkpoint.chainSequence(),
                            Reason.CHECKPOINT_MISMATCH, checkpoint.hash(), null));
        }

        /** An event the chainer passed long ago (at or below its low-water mark) that has no link. */
        private void unchainedBelowLowWater() {
            long lowWater = chainer.lowWater();
            long from = fromPosition == null ? Long.MIN_VALUE : fromPosition;
            long to = Math.min(lowWater, toPosition == null ? Long.MAX_VALUE : toPosition);
            jdbc.queryForList("""
                            SELECT e.global_index FROM domain_event_entry e
                            WHERE e.global_index BETWEEN ? AND ?
                              AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.position = e.global_index)
                            ORDER BY e.global_index LIMIT 1""", Long.class, from, to).stream().findFirst()
                    .ifPresent(position -> mismatch = new Mismatch(position, null, Reason.EVENT_NOT_CHAINED, null,
                            null));
        }
    }
}
