package cn.creditbank.ledger.projections.eventstore;

import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.projections.support.LedgerNode;
import cn.creditbank.ledger.projections.support.TestPostgres;
import cn.creditbank.projectionstest.ProjectionsTestApplication;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static cn.creditbank.ledger.projections.support.DemoFixtures.loadCatalogue;
import static cn.creditbank.ledger.projections.support.DemoFixtures.moduleResult;
import static cn.creditbank.ledger.projections.support.DemoFixtures.openLearner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's storage engine reads the same events, time stamps and gap-aware tokens as Axon's own engine on the
 * same store, gaps in the global index included: only how a time stamp is parsed differs.
 */
class LedgerEventStorageEngineTest {

    private LedgerNode node;

    @BeforeEach
    void start() {
        node = LedgerNode.onDatabase(ProjectionsTestApplication.class, TestPostgres.freshDatabaseUrl(), Map.of());
        loadCatalogue(node);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    /** One event as a reader sees it. */
    private record Read(Object token, String identifier, String aggregate, long sequence, Object timestamp) {
    }

    @Test
    void readsWhatAxonsEngineReadsAcrossGaps() throws Exception {
        LearnerId learner = openLearner(node);
        node.commands().sendAndWait(moduleResult(learner, "M1", "engine-1", 80));
        skipGlobalIndexes(3); // as transactions that took a number and rolled back
        node.commands().sendAndWait(moduleResult(learner, "M2", "engine-2", 70));
        skipGlobalIndexes(1);
        node.commands().sendAndWait(moduleResult(openLearner(node), "M1", "engine-3", 90));

        EventStorageEngine ours = node.bean(EventStorageEngine.class);
        assertThat(ours).isInstanceOf(LedgerEventStorageEngine.class);
        JdbcEventStorageEngine axons = JdbcEventStorageEngine.builder()
                .connectionProvider(node.bean(ConnectionProvider.class))
                .transactionManager(node.bean(TransactionManager.class))
                .eventSerializer(node.bean(Serializer.class))
                .snapshotSerializer(node.bean(Serializer.class))
                .schema(node.bean(EventSchema.class))
                .build();

        List<Read> expected = tracked(axons);
        assertThat(tracked(ours)).isEqualTo(expected);
        assertThat(expected).anySatisfy(read ->
                assertThat(((GapAwareTrackingToken) read.token()).getGaps()).hasSize(3));
        assertThat(aggregate(ours, learner)).isEqualTo(aggregate(axons, learner)).hasSize(3);
    }

    private void skipGlobalIndexes(int count) throws Exception {
        try (Connection connection = node.bean(DataSource.class).getConnection();
             Statement statement = connection.createStatement()) {
            for (int i = 0; i < count; i++) {
                statement.execute("SELECT nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))");
            }
        }
    }

    private static List<Read> tracked(EventStorageEngine engine) {
        return engine.readEvents(null, false).map(TrackedEventMessage.class::cast)
                .map(event -> new Read(event.trackingToken(), event.getIdentifier(),
                        event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null,
                        event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1,
                        event.getTimestamp()))
                .toList();
    }

    private static List<Read> aggregate(EventStorageEngine engine, LearnerId learner) {
        return engine.readEvents(learner.value()).asStream()
                .map(event -> new Read(null, event.getIdentifier(), event.getAggregateIdentifier(),
                        event.getSequenceNumber(), event.getTimestamp()))
                .toList();
    }
}
