package cn.creditbank.ledger.projections.reconciliation;

import cn.creditbank.ledger.core.outcome.CompletionRecorded;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.projections.support.LedgerNode;
import cn.creditbank.ledger.projections.support.TestPostgres;
import cn.creditbank.projectionstest.ProjectionsTestApplication;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static cn.creditbank.ledger.projections.eventstore.ProjectionProcessors.OUTCOME_HISTORY;
import static cn.creditbank.ledger.projections.support.DemoFixtures.openLearner;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A replay that fails half-way leaves no scratch schema, and says which event it failed on. */
class ScratchReplayFailureTest {

    private LedgerNode node;

    @BeforeEach
    void start() {
        node = LedgerNode.onDatabase(ProjectionsTestApplication.class, TestPostgres.freshDatabaseUrl(), Map.of());
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void anEventTheProjectionCannotHandleFailsTheReplayAndTheScratchSchemaIsDropped() {
        LearnerId learner = openLearner(node);
        long poison = appendUnreadableCompletion(learner);

        assertThatThrownBy(() -> node.bean(ScratchReplay.class).replay(OUTCOME_HISTORY, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("global index " + poison);

        assertThat(node.jdbc().queryForObject(
                "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'replay\\_%'", Long.class))
                .isZero();
    }

    /** A CompletionRecorded whose payload lacks most of its fields, as learner event number 1. */
    private long appendUnreadableCompletion(LearnerId learner) {
        Serializer serializer = node.bean(Serializer.class);
        return node.jdbc().queryForObject("""
                        INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                            meta_data, payload, payload_revision, payload_type, time_stamp)
                        VALUES (?, 1, 'LearnerAccount', ?, ?, ?, NULL, ?, ?) RETURNING global_index""", Long.class,
                learner.value(), UUID.randomUUID().toString(),
                serializer.serialize(MetaData.emptyInstance(), byte[].class).getData(),
                ("{\"learnerId\":\"" + learner.value() + "\",\"outcomeId\":\"BAD\"}").getBytes(UTF_8),
                CompletionRecorded.class.getName(), Instant.now().toString());
    }
}
