package cn.creditbank.ledger.api.eventstore;

import cn.creditbank.ledger.api.LedgerApplication;
import cn.creditbank.ledger.projections.support.LedgerNode;
import cn.creditbank.ledger.core.demo.DemoLearners;
import cn.creditbank.ledger.core.shared.OutcomeId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static cn.creditbank.ledger.projections.support.DemoFixtures.TESTER;
import static cn.creditbank.ledger.projections.support.DemoFixtures.loadCatalogue;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps the ledger in its data directory: a restart finds every acknowledged event. */
class EmbeddedLedgerRestartTest {

    @Test
    void recordedOutcomesSurviveARestartOnTheSameDataDirectory(@TempDir Path dataDir) {
        var zhangsan = DemoLearners.zhangsan(TESTER);
        List<String> before;
        try (LedgerNode node = embeddedNode(dataDir)) {
            assertThat(node.jdbc().queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(node.jdbc().queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(node.jdbc().queryForObject("SHOW full_page_writes", String.class)).isEqualTo("on");
            loadCatalogue(node);
            node.bean(cn.creditbank.ledger.api.learner.LearnerOnboarding.class)
                    .open(zhangsan.learnerId(), "张三", null, null, TESTER);
            zhangsan.commands().forEach(node.commands()::sendAndWait);
            before = eventTypes(node, zhangsan.learnerId().value());
        }
        assertThat(before).hasSize(12).first().isEqualTo("LearnerAccountOpened");

        try (LedgerNode restarted = embeddedNode(dataDir)) {
            assertThat(eventTypes(restarted, zhangsan.learnerId().value())).isEqualTo(before);
            Object retried = restarted.commands().sendAndWait(zhangsan.commands().get(0));
            assertThat(retried).isEqualTo(OutcomeId.of("O1"));
            assertThat(eventTypes(restarted, zhangsan.learnerId().value())).isEqualTo(before);
        }
    }

    private static LedgerNode embeddedNode(Path dataDir) {
        return LedgerNode.start(LedgerApplication.class, Map.of("ledger.db.url", "", "ledger.demo-data", "never",
                "ledger.db.embedded.data-dir", dataDir.toString()));
    }

    private static List<String> eventTypes(LedgerNode node, String aggregateId) {
        return node.bean(EventStore.class).readEvents(aggregateId).asStream()
                .map(DomainEventMessage::getPayloadType)
                .map(Class::getSimpleName)
                .toList();
    }
}
