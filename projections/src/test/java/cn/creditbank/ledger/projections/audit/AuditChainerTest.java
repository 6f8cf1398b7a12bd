package cn.creditbank.ledger.projections.audit;

import cn.creditbank.ledger.core.demo.DemoLearners;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.projections.support.LedgerNode;
import cn.creditbank.ledger.projections.support.TestPostgres;
import cn.creditbank.projectionstest.ProjectionsTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.security.PublicKey;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static cn.creditbank.ledger.projections.support.DemoFixtures.TESTER;
import static cn.creditbank.ledger.projections.support.DemoFixtures.loadCatalogue;
import static cn.creditbank.ledger.projections.support.DemoFixtures.loadLearner;
import static cn.creditbank.ledger.projections.support.DemoFixtures.moduleResult;
import static cn.creditbank.ledger.projections.support.DemoFixtures.openLearner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chainer on real PostgreSQL with the demo history: every event chained exactly once, late commits included,
 * two nodes chaining at once, checkpoints signed and verifiable across a key rotation. Each test chains what earlier
 * ones left and asserts on the whole table, so the order of the tests does not matter.
 */
class AuditChainerTest {

    private static final int CHECKPOINT_EVERY = 25;
    private static String databaseUrl;
    private static LedgerNode node;

    @BeforeAll
    static void start() {
        databaseUrl = TestPostgres.freshDatabaseUrl();
        node = LedgerNode.onDatabase(ProjectionsTestApplication.class, databaseUrl,
                Map.of("ledger.audit.checkpoint-every", CHECKPOINT_EVERY));
        loadCatalogue(node);
        DemoLearners.all(TESTER).forEach(learner -> loadLearner(node, learner));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void chainsEveryStoredEventExactlyOnceInLedgerOrder() {
        ChainRun run = chainer().chain();

        assertEveryEventChainedOnce();
        assertThat(run.skipped()).isFalse();
        assertThat(jdbc().queryForObject("""
                SELECT count(*) FROM (SELECT position < lag(position) OVER (PARTITION BY chained_at
                                                                            ORDER BY chain_sequence) AS backwards
                                      FROM audit_chain) l WHERE backwards""", Long.class))
                .as("each run appends in ledger order").isZero();
        assertThat(chainer().chain().appended()).as("a second run finds nothing new").isZero();
        assertThat(verifier().verify().verified()).isTrue();
    }

    @Test
    void anEventCommittedLateWithALowerPositionIsChainedOnceAfterItCommits() throws Exception {
        chainer().chain();
        try (Connection slow = node.bean(DataSource.class).getConnection()) {
            slow.setAutoCommit(false);
            long late = RawEvents.append(slow, "{\"note\":\"committed late\"}");
            LearnerId learner = openLearner(node);
            node.commands().sendAndWait(moduleResult(learner, "M1", "after-the-late-one", 77));

            ChainRun before = chainer().chain();
            assertThat(chained(late)).isFalse();
            assertThat(before.headPosition()).isGreaterThan(late);
            assertThat(before.lowWater()).as("the open number holds the low-water mark back").isLessThan(late);

            slow.commit();
            ChainRun after = chainer().chain();

            assertThat(after.appended()).isEqualTo(1);
            assertThat(after.headPosition()).as("appended at the end of the chain").isEqualTo(late);
            assertThat(after.lowWater()).isGreaterThanOrEqualTo(before.headPosition());
        }
        assertThat(chainer().chain().appended()).isZero();
        assertEveryEventChainedOnce();
        assertThat(verifier().verify().verified()).isTrue();
    }

    @Test
    void aNumberAbsentPastTheHorizonIsForgottenAndAnEventAppearingThereIsReported() throws Exception {
        long rolledBack;
        try (Connection aborted = node.bean(DataSource.class).getConnection()) {
            aborted.setAutoCommit(false);
            rolledBack = RawEvents.append(aborted, "{\"note\":\"rolled back\"}");
            aborted.rollback();
        }
        node.commands().sendAndWait(moduleResult(openLearner(node), "M1", "after-the-rollback", 66));
        assertThat(chainer().chain().lowWater()).isLessThan(rolledBack);

        ChainRun later = chainerAt(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(11))).chain();
        assertThat(later.lowWater()).as("forgotten after the horizon").isGreaterThanOrEqualTo(rolledBack);

        // a row appearing under the low-water mark (forged, or committed impossibly late) is never chained…
        jdbc().update("""
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_type, time_stamp)
                VALUES (?, 'forged', 0, 'RawAggregate', 'forged-event', '{}'::bytea, '{}'::bytea, ?, '2026-01-01T00:00:00Z')""",
                rolledBack, RawEvents.TYPE);
        try {
            assertThat(chainer().chain().appended()).isZero();
            // …and the verifier names it
            ChainVerification verification = verifier().verify();
            assertThat(verification.verified()).isFalse();
            assertThat(verification.firstMismatch()).isEqualTo(new ChainVerification.Mismatch(rolledBack, null,
                    ChainVerification.Reason.EVENT_NOT_CHAINED, null, null));
        } finally {
            jdbc().update("DELETE FROM domain_event_entry WHERE global_index = ?", rolledBack);
        }
        assertThat(verifier().verify().verified()).isTrue();
    }

    @Test
    void twoNodesChainingAtOnceChainEachEventOnce() throws Exception {
        try (LedgerNode second = LedgerNode.onDatabase(ProjectionsTestApplication.class, databaseUrl,
                Map.of("ledger.audit.checkpoint-every", CHECKPOINT_EVERY))) {
            LearnerId learner = openLearner(node);
            CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 40; i++) {
                    (i % 2 == 0 ? node : second).commands()
                            .sendAndWait(moduleResult(learner, "P" + i, "parallel-" + i, 60 + i % 40));
                }
            });
            CompletableFuture<Void> secondChains = CompletableFuture.runAsync(() -> {
                while (!writes.isDone()) {
                    second.bean(AuditChainer.class).tick(); // skips whenever the first node holds the lock
                }
            });
            while (!writes.isDone()) {
                chainer().chain();
            }
            writes.get();
            secondChains.get();
            second.bean(AuditChainer.class).chain();
        }
        assertEveryEventChainedOnce();
        assertThat(verifier().verify().verified()).isTrue();
    }

    @Test
    void checkpointsAreSignedEveryNLinksAndVerifyWithThePublishedKeyAcrossARotation() {
        chainer().chain();
        List<Checkpoint> before = node.bean(AuditCheckpoints.class).page(0, 500);
        assertThat(before).isNotEmpty();
        assertThat(before).filteredOn(checkpoint -> checkpoint.chainSequence() % CHECKPOINT_EVERY == 0)
                .as("one at every %d-th link", CHECKPOINT_EVERY)
                .hasSize((int) (chainHead() / CHECKPOINT_EVERY));
        String oldKey = before.get(0).keyId();
        assertThat(before).allSatisfy(checkpoint -> assertThat(verifies(checkpoint)).isTrue());

        SigningKey newKey = node.bean(AuditSigningKeys.class).rotate();
        LearnerId learner = openLearner(node);
        for (int i = 0; i < CHECKPOINT_EVERY; i++) {
            node.commands().sendAndWait(moduleResult(learner, "R" + i, "rotation-" + i, 70));
        }
        chainer().chain();

        List<SigningKey> published = node.bean(AuditSigningKeys.class).published();
        assertThat(published).extracting(SigningKey::keyId).contains(oldKey, newKey.keyId());
        assertThat(published).filteredOn(SigningKey::active).extracting(SigningKey::keyId)
                .containsExactly(newKey.keyId());
        List<Checkpoint> after = node.bean(AuditCheckpoints.class).page(0, 500);
        assertThat(after).extracting(Checkpoint::keyId).contains(oldKey, newKey.keyId());
        assertThat(after).allSatisfy(checkpoint -> assertThat(verifies(checkpoint)).isTrue());
        assertThat(verifier().verify().verified()).isTrue();
    }

    @Test
    void theHeadIsCheckpointedWhenTheIntervalHasPassed() {
        chainer().chain();
        node.commands().sendAndWait(moduleResult(openLearner(node), "I1", "interval-1", 81));
        chainer().chain();
        long head = chainHead();
        boolean alreadyCheckpointed = latestCheckpoint() == head; // the head fell on an every-N link

        ChainRun later = chainerAt(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6))).chain();

        assertThat(later.checkpoints()).isEqualTo(alreadyCheckpointed ? 0 : 1);
        assertThat(latestCheckpoint()).isEqualTo(head);
    }

    @Test
    void keyIdsAreThumbprintsOfThePublicKey() {
        chainer().chain();
        assertThat(node.bean(AuditSigningKeys.class).published()).allSatisfy(key ->
                assertThat(key.keyId()).isEqualTo(AuditSigningKeys.thumbprint(key.x())));
    }

    private static boolean verifies(Checkpoint checkpoint) {
        Map<String, PublicKey> keys = node.bean(AuditSigningKeys.class).publicKeys();
        return Ed25519Keys.verifies(keys.get(checkpoint.keyId()), checkpoint);
    }

    private static void assertEveryEventChainedOnce() {
        List<Long> events = jdbc().queryForList("SELECT global_index FROM domain_event_entry ORDER BY 1", Long.class);
        List<Long> linked = jdbc().queryForList("SELECT position FROM audit_chain ORDER BY 1", Long.class);
        assertThat(linked).isEqualTo(events);
        assertThat(jdbc().queryForList("SELECT chain_sequence FROM audit_chain ORDER BY 1", Long.class))
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, events.size()).boxed()
                        .collect(Collectors.toList()));
        assertThat(jdbc().queryForObject("""
                SELECT count(*) FROM audit_chain c JOIN domain_event_entry e ON e.global_index = c.position
                WHERE e.event_identifier <> c.event_identifier""", Long.class)).isZero();
    }

    private static boolean chained(long position) {
        return jdbc().queryForObject("SELECT count(*) FROM audit_chain WHERE position = ?", Long.class, position) > 0;
    }

    private static long latestCheckpoint() {
        return node.bean(AuditCheckpoints.class).latest().orElseThrow().chainSequence();
    }

    private static long chainHead() {
        return jdbc().queryForObject("SELECT max(chain_sequence) FROM audit_chain", Long.class);
    }

    /** A chainer of the same database whose clock reads {@code clock}: time is a parameter, not a sleep. */
    private static AuditChainer chainerAt(Clock clock) {
        AuditSigningKeys keys = new AuditSigningKeys(jdbc(), node.bean(PlatformTransactionManager.class),
                clock.withZone(ZoneOffset.UTC));
        return new AuditChainer(jdbc(), node.bean(PlatformTransactionManager.class),
                new AuditCheckpoints(jdbc(), keys), clock, 2000, Duration.ofMinutes(10), CHECKPOINT_EVERY,
                Duration.ofMinutes(5));
    }

    private static AuditChainer chainer() {
        return node.bean(AuditChainer.class);
    }

    private static AuditVerifier verifier() {
        return node.bean(AuditVerifier.class);
    }

    private static JdbcTemplate jdbc() {
        return node.jdbc();
    }
}
