package cn.creditbank.ledger.projections.audit;

import cn.creditbank.ledger.core.demo.DemoLearners;
import cn.creditbank.ledger.projections.audit.ChainVerification.Mismatch;
import cn.creditbank.ledger.projections.audit.ChainVerification.Reason;
import cn.creditbank.ledger.projections.support.LedgerNode;
import cn.creditbank.ledger.projections.support.TestPostgres;
import cn.creditbank.projectionstest.ProjectionsTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static cn.creditbank.ledger.projections.support.DemoFixtures.TESTER;
import static cn.creditbank.ledger.projections.support.DemoFixtures.loadCatalogue;
import static cn.creditbank.ledger.projections.support.DemoFixtures.loadLearner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering done directly in PostgreSQL, as someone with database access would, is found by recomputing the chain.
 * Each test tampers, checks the verdict and puts the rows back, and the untouched ledger verifies after each.
 */
class TamperDetectionTest {

    private static LedgerNode node;
    private static long events;

    @BeforeAll
    static void start() {
        node = LedgerNode.onDatabase(ProjectionsTestApplication.class, TestPostgres.freshDatabaseUrl(),
                Map.of("ledger.audit.checkpoint-every", 10));
        loadCatalogue(node);
        DemoLearners.all(TESTER).forEach(learner -> loadLearner(node, learner));
        events = node.bean(AuditChainer.class).chain().appended();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @AfterEach
    void theRestoredLedgerVerifies() {
        ChainVerification verification = verify();
        assertThat(verification.verified()).as("%s", verification).isTrue();
        assertThat(verification.events()).isEqualTo(events);
    }

    @Test
    void theUntouchedLedgerVerifies() {
        ChainVerification verification = verify();

        assertThat(verification.firstMismatch()).isNull();
        assertThat(verification.headHash()).isEqualTo(jdbc().queryForObject(
                "SELECT hash FROM audit_chain ORDER BY chain_sequence DESC LIMIT 1", String.class));
        assertThat(events).isGreaterThan(50);
    }

    @Test
    void oneChangedPayloadByteIsFoundAtItsPosition() {
        long position = middlePosition();
        flipPayloadByte(position);
        try {
            ChainVerification verification = verify();

            assertThat(verification.verified()).isFalse();
            Mismatch mismatch = verification.firstMismatch();
            assertThat(mismatch.position()).isEqualTo(position);
            assertThat(mismatch.chainSequence()).isEqualTo(sequenceOf(position));
            assertThat(mismatch.reason()).isEqualTo(Reason.HASH_MISMATCH);
            assertThat(mismatch.expected()).isEqualTo(hashOf(position));
            assertThat(mismatch.actual()).isNotEqualTo(mismatch.expected());
            assertThat(verification.events()).isEqualTo(sequenceOf(position) - 1);
        } finally {
            flipPayloadByte(position);
        }
    }

    @Test
    void aDeletedEventIsFound() {
        long position = middlePosition();
        jdbc().execute("CREATE TABLE deleted_event AS SELECT * FROM domain_event_entry WHERE global_index = "
                + position);
        jdbc().update("DELETE FROM domain_event_entry WHERE global_index = ?", position);
        try {
            Mismatch mismatch = verify().firstMismatch();

            assertThat(mismatch.reason()).isEqualTo(Reason.EVENT_MISSING);
            assertThat(mismatch.position()).isEqualTo(position);
            assertThat(mismatch.chainSequence()).isEqualTo(sequenceOf(position));
        } finally {
            jdbc().execute("INSERT INTO domain_event_entry SELECT * FROM deleted_event");
            jdbc().execute("DROP TABLE deleted_event");
        }
    }

    @Test
    void twoEventsWithSwappedPositionsAreFound() {
        long first = middlePosition();
        long second = first + 3;
        swapPositions(first, second);
        try {
            Mismatch mismatch = verify().firstMismatch();

            assertThat(mismatch.reason()).isEqualTo(Reason.HASH_MISMATCH);
            assertThat(mismatch.position()).isEqualTo(first);
        } finally {
            swapPositions(first, second);
        }
    }

    @Test
    void reorderedChainLinksAreFound() {
        long sequence = sequenceOf(middlePosition());
        swapChainSequences(sequence, sequence + 1);
        try {
            Mismatch mismatch = verify().firstMismatch();

            assertThat(mismatch.reason()).isEqualTo(Reason.HASH_MISMATCH);
            assertThat(mismatch.chainSequence()).isEqualTo(sequence);
        } finally {
            swapChainSequences(sequence, sequence + 1);
        }
    }

    @Test
    void aRecomputedChainIsCaughtByTheSignedCheckpoints() {
        // whoever rewrites a payload and every hash after it still cannot re-sign the checkpoints
        long position = middlePosition();
        long sequence = sequenceOf(position);
        List<Map<String, Object>> saved = jdbc().queryForList(
                "SELECT chain_sequence, hash, previous_hash FROM audit_chain WHERE chain_sequence >= ?", sequence);
        flipPayloadByte(position);
        rechain(sequence);
        try {
            Mismatch mismatch = verify().firstMismatch();

            assertThat(mismatch.reason()).isEqualTo(Reason.CHECKPOINT_MISMATCH);
            assertThat(mismatch.chainSequence()).isEqualTo((sequence + 9) / 10 * 10);
        } finally {
            flipPayloadByte(position);
            saved.forEach(link -> jdbc().update(
                    "UPDATE audit_chain SET hash = ?, previous_hash = ? WHERE chain_sequence = ?",
                    link.get("hash"), link.get("previous_hash"), link.get("chain_sequence")));
        }
    }

    @Test
    void aTamperedCheckpointRowHasABadSignature() {
        long sequence = jdbc().queryForObject("SELECT min(chain_sequence) FROM audit_checkpoint", Long.class);
        jdbc().update("UPDATE audit_checkpoint SET signed_at = signed_at + interval '1 millisecond' "
                + "WHERE chain_sequence = ?", sequence);
        try {
            Mismatch mismatch = verify().firstMismatch();

            assertThat(mismatch.reason()).isEqualTo(Reason.BAD_SIGNATURE);
            assertThat(mismatch.chainSequence()).isEqualTo(sequence);
        } finally {
            jdbc().update("UPDATE audit_checkpoint SET signed_at = signed_at - interval '1 millisecond' "
                    + "WHERE chain_sequence = ?", sequence);
        }
    }

    @Test
    void aCheckpointOfAnotherHashIsFound() {
        long sequence = jdbc().queryForObject("SELECT min(chain_sequence) FROM audit_checkpoint", Long.class);
        String signedHash = jdbc().queryForObject("SELECT hash FROM audit_checkpoint WHERE chain_sequence = ?",
                String.class, sequence);
        jdbc().update("UPDATE audit_checkpoint SET hash = ? WHERE chain_sequence = ?", "f".repeat(64), sequence);
        try {
            Mismatch mismatch = verify().firstMismatch();

            assertThat(mismatch.reason()).isEqualTo(Reason.CHECKPOINT_MISMATCH);
            assertThat(mismatch.expected()).isEqualTo(signedHash);
            assertThat(mismatch.actual()).isEqualTo("f".repeat(64));
        } finally {
            jdbc().update("UPDATE audit_checkpoint SET hash = ? WHERE chain_sequence = ?", signedHash, sequence);
        }
    }

    @Test
    void aChainCutBackBelowASignedCheckpointIsFound() {
        long last = jdbc().queryForObject("SELECT max(chain_sequence) FROM audit_checkpoint", Long.class);
        jdbc().execute("CREATE TABLE cut_links AS SELECT * FROM audit_chain WHERE chain_sequence >= " + last);
        jdbc().update("DELETE FROM audit_chain WHERE chain_sequence >= ?", last);
        try {
            Mismatch mismatch = verify().firstMismatch();

            assertThat(mismatch.reason()).isEqualTo(Reason.CHECKPOINT_MISMATCH);
            assertThat(mismatch.chainSequence()).isEqualTo(last);
        } finally {
            jdbc().execute("INSERT INTO audit_chain SELECT * FROM cut_links");
            jdbc().execute("DROP TABLE cut_links");
        }
    }

    @Test
    void aRangeIsVerifiedOnItsOwnAndJoinedToTheLinkBeforeIt() {
        long from = middlePosition();
        long to = from + 9;
        ChainVerification range = node.bean(AuditVerifier.class).verify(from, to);
        assertThat(range.verified()).isTrue();
        assertThat(range.events()).isEqualTo(10);
        assertThat(range.headPosition()).isEqualTo(to);

        flipPayloadByte(to + 1);
        try {
            assertThat(node.bean(AuditVerifier.class).verify(from, to).verified())
                    .as("a change outside the range is not this range's").isTrue();
            assertThat(node.bean(AuditVerifier.class).verify(from, null).firstMismatch().position())
                    .isEqualTo(to + 1);
        } finally {
            flipPayloadByte(to + 1);
        }
    }

    private static ChainVerification verify() {
        return node.bean(AuditVerifier.class).verify();
    }

    /** A position in the middle of the demo history (ordinary events, no late commits here). */
    private static long middlePosition() {
        return jdbc().queryForObject("SELECT position FROM audit_chain WHERE chain_sequence = ?", Long.class,
                events / 2);
    }

    private static long sequenceOf(long position) {
        return jdbc().queryForObject("SELECT chain_sequence FROM audit_chain WHERE position = ?", Long.class,
                position);
    }

    private static String hashOf(long position) {
        return jdbc().queryForObject("SELECT hash FROM audit_chain WHERE position = ?", String.class, position);
    }

    /** Flips the lowest bit of the payload's third byte (a letter of the first field name); again to undo. */
    private static void flipPayloadByte(long position) {
        jdbc().update("UPDATE domain_event_entry SET payload = set_byte(payload, 2, get_byte(payload, 2) # 1) "
                + "WHERE global_index = ?", position);
    }

    private static void swapPositions(long a, long b) {
        jdbc().update("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", a);
        jdbc().update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", a, b);
        jdbc().update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", b);
    }

    private static void swapChainSequences(long a, long b) {
        jdbc().update("UPDATE audit_chain SET chain_sequence = -1 WHERE chain_sequence = ?", a);
        jdbc().update("UPDATE audit_chain SET chain_sequence = ? WHERE chain_sequence = ?", a, b);
        jdbc().update("UPDATE audit_chain SET chain_sequence = ? WHERE chain_sequence = -1", b);
    }

    /** Recomputes every link from {@code sequence} on from the (tampered) events, as a careful forger would. */
    private static void rechain(long sequence) {
        String previous = jdbc().queryForObject("SELECT previous_hash FROM audit_chain WHERE chain_sequence = ?",
                String.class, sequence);
        List<Long> positions = jdbc().queryForList(
                "SELECT position FROM audit_chain WHERE chain_sequence >= ? ORDER BY chain_sequence", Long.class,
                sequence);
        long next = sequence;
        for (long position : positions) {
            StoredEvent event = jdbc().query("SELECT " + StoredEventRows.COLUMNS
                    + " FROM domain_event_entry e WHERE e.global_index = ?", (row, n) -> StoredEventRows.read(row),
                    position).get(0);
            String hash = ChainHash.next(previous, event);
            jdbc().update("UPDATE audit_chain SET hash = ?, previous_hash = ? WHERE chain_sequence = ?", hash,
                    previous, next++);
            previous = hash;
        }
    }

    private static JdbcTemplate jdbc() {
        return node.jdbc();
    }
}
