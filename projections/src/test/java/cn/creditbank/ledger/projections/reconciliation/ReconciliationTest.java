package cn.creditbank.ledger.projections.reconciliation;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.outcome.CompletionRecorded;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.core.shared.UnitCode;
import cn.creditbank.ledger.projections.eventstore.ProjectionPositions;
import cn.creditbank.ledger.projections.eventstore.ProjectionProcessors;
import cn.creditbank.ledger.projections.support.LedgerNode;
import cn.creditbank.projectionstest.ProjectionsTestApplication;
import cn.creditbank.ledger.projections.support.TestPostgres;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.creditbank.ledger.projections.eventstore.ProjectionProcessors.OUTCOME_HISTORY;
import static java.nio.charset.StandardCharsets.UTF_8;
import static cn.creditbank.ledger.projections.support.DemoFixtures.TESTER;
import static cn.creditbank.ledger.projections.support.DemoFixtures.loadCatalogue;
import static cn.creditbank.ledger.projections.support.DemoFixtures.moduleResult;
import static cn.creditbank.ledger.projections.support.DemoFixtures.openLearner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provokes what ARCHITECTURE.md warns about: an append whose transaction commits long after later events were
 * read by a projection that was behind. Axon's reader gives up on the gap and the projection never sees the event;
 * reconciliation must name it, and a replay must repair it.
 */
class ReconciliationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(20);
    private LedgerNode node;

    @BeforeEach
    void start() {
        node = LedgerNode.onDatabase(ProjectionsTestApplication.class, TestPostgres.freshDatabaseUrl(),
                Map.of("ledger.eventstore.gap-timeout-ms", 1000));
        loadCatalogue(node);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void aCaughtUpProjectionIsReportedConsistent() {
        LearnerId learner = openLearner(node);
        node.commands().sendAndWait(moduleResult(learner, "M1", "consistent-1", 80));
        awaitCatchUp();

        ReconciliationReport report = node.bean(ProjectionReconciliation.class).outcomeHistory();

        assertThat(report.consistent()).isTrue();
        assertThat(report.lag()).isZero();
    }

    @Test
    void anEventCommittedAfterTheGapTimeoutIsReportedMissingAndRepairedByReplay() throws Exception {
        LearnerId slowLearner = openLearner(node);
        awaitCatchUp();
        StreamingEventProcessor projection = node.bean(EventProcessingConfiguration.class)
                .eventProcessor(OUTCOME_HISTORY, StreamingEventProcessor.class).orElseThrow();
        projection.shutDown(); // the projection falls behind, as after a restart or during a catch-up
        // no other projection may read the later events while fresh: it would share its gap-aware tokens
        stopOtherProjections();

        try (Connection slow = node.bean(DataSource.class).getConnection()) {
            slow.setAutoCommit(false);
            long lateIndex = appendWithoutCommitting(slow, slowLearner);
            LearnerId other = openLearner(node);
            node.commands().sendAndWait(moduleResult(other, "M1", "later-1", 80));
            Thread.sleep(1500); // the later events are now older than the gap timeout
            projection.start();
            awaitCatchUp();
            slow.commit();

            ReconciliationReport report = node.bean(ProjectionReconciliation.class).outcomeHistory();
            assertThat(report.missing()).containsExactly(lateIndex);
            assertThat(report.consistent()).isFalse();
        }

        assertThat(node.bean(ProjectionReplay.class).rebuild(OUTCOME_HISTORY, CATCH_UP)).isTrue();
        assertThat(node.bean(ProjectionReconciliation.class).outcomeHistory().missing()).isEmpty();
    }

    @Test
    void replayFromZeroRebuildsAnIdenticalReadModel() {
        LearnerId learner = openLearner(node);
        for (int i = 0; i < 20; i++) {
            node.commands().sendAndWait(moduleResult(learner, "M" + i, "replay-" + i, 50 + i * 2));
        }
        awaitCatchUp();
        String live = node.bean(ReadModelChecksum.class).outcomeHistory();

        assertThat(node.bean(ProjectionReplay.class).rebuild(OUTCOME_HISTORY, CATCH_UP)).isTrue();

        assertThat(node.bean(ReadModelChecksum.class).outcomeHistory()).isEqualTo(live);
    }

    @Test
    void eventsDeliveredAgainAfterACrashChangeNothing() {
        LearnerId learner = openLearner(node);
        for (int i = 0; i < 10; i++) {
            node.commands().sendAndWait(moduleResult(learner, "M" + i, "redelivery-" + i, 55 + i * 4));
        }
        node.commands().sendAndWait(new cn.creditbank.ledger.core.outcome.VoidOutcome(learner, OutcomeId.of("M3"),
                "录入错误", TESTER));
        awaitCatchUp();
        String before = node.bean(ReadModelChecksum.class).outcomeHistory();
        StreamingEventProcessor projection = node.bean(EventProcessingConfiguration.class)
                .eventProcessor(OUTCOME_HISTORY, StreamingEventProcessor.class).orElseThrow();
        projection.shutDown();

        // as if the node died after applying the last batches but before storing its tokens
        var rewound = node.bean(Serializer.class).serialize(GapAwareTrackingToken.newInstance(0, List.of()), byte[].class);
        node.jdbc().update("UPDATE token_entry SET token = ?, token_type = ? WHERE processor_name = ?",
                rewound.getData(), rewound.getType().getName(), OUTCOME_HISTORY);
        projection.start();
        awaitCatchUp();

        assertThat(node.bean(ReadModelChecksum.class).outcomeHistory()).isEqualTo(before);
    }

    @Test
    void aPoisonEventIsParkedInTheDeadLetterQueueWhileOtherLearnersMoveOn() throws Exception {
        LearnerId poisoned = openLearner(node);
        try (Connection connection = node.bean(DataSource.class).getConnection()) {
            long poison = append(connection, poisoned, "{\"learnerId\":\"" + poisoned.value()
                    + "\",\"outcomeId\":\"BAD\",\"kind\":\"MODULE\",\"unitCode\":\"VOC-AIM-03\"}");
            LearnerId healthy = openLearner(node);
            node.commands().sendAndWait(moduleResult(healthy, "M1", "healthy-1", 80));
            awaitCatchUp();

            ReconciliationReport report = node.bean(ProjectionReconciliation.class).outcomeHistory();
            assertThat(report.deadLetters()).isEqualTo(1);
            assertThat(report.missing()).containsExactly(poison);
            assertThat(report.consistent()).isFalse();
            assertThat(node.bean(cn.creditbank.ledger.projections.history.OutcomeHistory.class)
                    .outcomesKnownAt(healthy, Instant.now())).hasValueSatisfying(outcomes -> assertThat(outcomes).hasSize(1));
        }
    }

    private void stopOtherProjections() {
        ProjectionProcessors.STREAMING_PROJECTIONS.stream().filter(name -> !name.equals(OUTCOME_HISTORY))
                .forEach(name -> node.bean(EventProcessingConfiguration.class)
                        .eventProcessor(name, StreamingEventProcessor.class).orElseThrow().shutDown());
    }

    private void awaitCatchUp() {
        ProjectionPositions positions = node.bean(ProjectionPositions.class);
        assertThat(positions.awaitPosition(OUTCOME_HISTORY, positions.head(), CATCH_UP)).isTrue();
    }

    /** Appends a real CompletionRecorded for the learner (sequence 1) in the given, still open, transaction. */
    private long appendWithoutCommitting(Connection connection, LearnerId learner) throws Exception {
        var event = new CompletionRecorded(learner, OutcomeId.of("LATE"), UnitKind.MODULE, UnitCode.of("VOC-AIM-03"),
                1, InstitutionCode.of("DEMO-VOC"), "late-commit", LocalDate.of(2025, 6, 30), Score.of(88), 30, true,
                Credits.of("2"), TESTER);
        return append(connection, learner,
                new String(node.bean(Serializer.class).serialize(event, byte[].class).getData(), UTF_8));
    }

    /** Appends a CompletionRecorded with the given JSON payload as the learner's event number 1. */
    private long append(Connection connection, LearnerId learner, String payloadJson) throws Exception {
        SerializedObject<byte[]> metaData = node.bean(Serializer.class).serialize(MetaData.emptyInstance(), byte[].class);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, 1, 'LearnerAccount', ?, ?, ?, NULL, ?, ?) RETURNING global_index""")) {
            insert.setString(1, learner.value());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, metaData.getData());
            insert.setBytes(4, payloadJson.getBytes(UTF_8));
            insert.setString(5, CompletionRecorded.class.getName());
            insert.setString(6, Instant.now().toString());
            try (ResultSet key = insert.executeQuery()) {
                key.next();
                return key.getLong(1);
            }
        }
    }
}
