package cn.creditbank.ledger.api.eventstore;

import cn.creditbank.ledger.api.LedgerApplication;
import cn.creditbank.ledger.projections.support.LedgerNode;
import cn.creditbank.ledger.projections.support.TestPostgres;
import cn.creditbank.ledger.core.outcome.RecordOutcome;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.creditbank.ledger.projections.support.DemoFixtures.loadCatalogue;
import static cn.creditbank.ledger.projections.support.DemoFixtures.moduleResult;
import static cn.creditbank.ledger.projections.support.DemoFixtures.openLearner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database, writing to the same learner at the same moment. Axon's in-JVM lock
 * cannot help across nodes: the unique (aggregate, sequence) key decides, and the loser either retries cleanly
 * on fresh state or gets a ConcurrencyException. No event is ever lost or written twice.
 */
class ConcurrentCommandsTest {

    private static final int ROUNDS = 15;
    private static LedgerNode nodeA;
    private static LedgerNode nodeB;

    @BeforeAll
    static void startTwoNodes() {
        String url = TestPostgres.freshDatabaseUrl();
        nodeA = LedgerNode.onDatabase(LedgerApplication.class, url, Map.of());
        nodeB = LedgerNode.onDatabase(LedgerApplication.class, url, Map.of("ledger.commands.conflict-retries", 0));
        loadCatalogue(nodeA);
    }

    @AfterAll
    static void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void concurrentRecordingsOnOneLearnerAllLandExactlyOnceOrFailCleanly() throws Exception {
        LearnerId learner = openLearner(nodeA);
        List<RecordOutcome> fromA = new ArrayList<>();
        List<RecordOutcome> fromB = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            fromA.add(moduleResult(learner, "A" + i, "ref-A" + i, 80));
            fromB.add(moduleResult(learner, "B" + i, "ref-B" + i, 80));
        }
        List<Attempt> attempts = race(fromA, fromB);

        List<String> landed = attempts.stream().filter(a -> a.error == null).map(a -> a.outcomeId).toList();
        assertThat(attempts).allSatisfy(a -> assertThat(a.error).as(a.outcomeId)
                .satisfiesAnyOf(e -> assertThat(e).isNull(), e -> assertThat(e).isInstanceOf(ConcurrencyException.class)));
        assertThat(storedOutcomeIds(learner)).containsExactlyInAnyOrderElementsOf(landed);
        assertThat(sequenceNumbers(learner)).isEqualTo(contiguous(landed.size() + 1));
        // node A retries conflicts, so all of its commands land however the race went
        assertThat(landed).containsAll(fromA.stream().map(c -> c.outcomeId().value()).toList());
    }

    @Test
    void twoNodesRecordingOneReferenceWithDifferentContentNeverBothWin() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            LearnerId learner = openLearner(nodeA);
            String reference = "contested-ref-" + round;
            List<Attempt> attempts = race(List.of(moduleResult(learner, "X", reference, 80)),
                    List.of(moduleResult(learner, "Y", reference, 90)));
            long winners = attempts.stream().filter(a -> a.error == null).count();
            assertThat(winners).as("round %d: %s", round, attempts).isEqualTo(1);
            assertThat(attempts).filteredOn(a -> a.error != null).allSatisfy(a -> assertThat(a.error)
                    .satisfiesAnyOf(e -> assertThat(e).isInstanceOf(ConcurrencyException.class),
                            e -> assertThat(((DomainException) e).code()).isEqualTo(ErrorCode.EXTERNAL_REF_CONFLICT)));
            assertThat(storedOutcomeIds(learner)).hasSize(1);
        }
    }

    private record Attempt(String outcomeId, Throwable error) {
    }

    /** Sends A's commands through node A and B's through node B, both streams released at the same instant. */
    private static List<Attempt> race(List<RecordOutcome> fromA, List<RecordOutcome> fromB) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<List<Attempt>> a = pool.submit(sender(nodeA, fromA, start));
            Future<List<Attempt>> b = pool.submit(sender(nodeB, fromB, start));
            start.countDown();
            List<Attempt> all = new ArrayList<>(a.get());
            all.addAll(b.get());
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<List<Attempt>> sender(LedgerNode node, List<RecordOutcome> commands, CountDownLatch start) {
        return () -> {
            start.await();
            List<Attempt> attempts = new ArrayList<>();
            for (RecordOutcome command : commands) {
                try {
                    node.commands().sendAndWait(command);
                    attempts.add(new Attempt(command.outcomeId().value(), null));
                } catch (ConcurrencyException | DomainException e) {
                    attempts.add(new Attempt(command.outcomeId().value(), e));
                }
            }
            return attempts;
        };
    }

    private static List<String> storedOutcomeIds(LearnerId learner) {
        return nodeA.jdbc().queryForList("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'outcomeId' FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%CompletionRecorded'""", String.class,
                learner.value());
    }

    private static List<Long> sequenceNumbers(LearnerId learner) {
        return nodeA.jdbc().queryForList("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number", Long.class, learner.value());
    }

    private static List<Long> contiguous(int count) {
        List<Long> numbers = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
