package cn.creditbank.ledger.projections.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed checkpoints ({@code audit_checkpoint}), one per checkpointed link. Written by the chainer (which holds the
 * chain lock, so there is one writer); read by the verifier and the audit endpoints.
 */
@Component
public class AuditCheckpoints {

    static final String COLUMNS = "chain_sequence, position, hash, signed_at, key_id, signature";
    static final RowMapper<Checkpoint> ROW = (row, n) -> new Checkpoint(row.getLong("chain_sequence"),
            row.getLong("position"), row.getString("hash"), row.getTimestamp("signed_at").toInstant(),
            row.getString("key_id"), row.getString("signature"));

    private final JdbcTemplate jdbc;
    private final AuditSigningKeys keys;

    public AuditCheckpoints(JdbcTemplate jdbc, AuditSigningKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Checkpoints in chain order, {@code size} from {@code offset}. */
    public List<Checkpoint> page(long offset, int size) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY chain_sequence OFFSET ? LIMIT ?",
                ROW, offset, size);
    }

    public long count() {
        return Objects.requireNonNull(jdbc.queryForObject("SELECT count(*) FROM audit_checkpoint", Long.class));
    }

    public Optional<Checkpoint> latest() {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY chain_sequence DESC LIMIT 1", ROW)
                .stream().findFirst();
    }

    /**
     * Signs and stores a checkpoint of the link, unless that link has one. The time is cut to milliseconds: the
     * database keeps microseconds, and the signed text must read back exactly as it was signed.
     */
    Checkpoint sign(long chainSequence, long position, String hash, Instant now) {
        Checkpoint checkpoint = keys.sign(chainSequence, position, hash, now.truncatedTo(ChronoUnit.MILLIS));
        jdbc.update("INSERT INTO audit_checkpoint (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (chain_sequence) DO NOTHING", checkpoint.chainSequence(), checkpoint.position(),
                checkpoint.hash(), Timestamp.from(checkpoint.signedAt()), checkpoint.keyId(), checkpoint.signature());
        return checkpoint;
    }
}
