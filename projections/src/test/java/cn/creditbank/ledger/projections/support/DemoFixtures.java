package cn.creditbank.ledger.projections.support;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.demo.DemoCatalogue;
import cn.creditbank.ledger.core.demo.DemoLearners;
import cn.creditbank.ledger.core.outcome.OpenLearnerAccount;
import cn.creditbank.ledger.core.outcome.OutcomeFacts;
import cn.creditbank.ledger.core.outcome.RecordOutcome;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Test steps shared by the integration tests: the demo catalogue, a learner, a module result. */
public final class DemoFixtures {

    public static final String TESTER = "integration-test";

    private DemoFixtures() {
    }

    public static void loadCatalogue(LedgerNode node) {
        DemoCatalogue.commands(TESTER).forEach(node.commands()::sendAndWait);
    }

    /** Opens an account through the command alone (no identity row): enough for ledger and projection tests. */
    /** A node of {@code application} on a fresh database with the demo catalogue loaded. */
    public static LedgerNode nodeWithCatalogue(Class<?> application) {
        LedgerNode node = LedgerNode.onDatabase(application, TestPostgres.freshDatabaseUrl(), Map.of());
        loadCatalogue(node);
        return node;
    }

    public static LearnerId openLearner(LedgerNode node) {
        LearnerId learner = LearnerId.of(UUID.randomUUID().toString());
        node.commands().sendAndWait(new OpenLearnerAccount(learner, TESTER));
        return learner;
    }

    /** Opens the learner's account and sends their whole demo history (DOMAIN.md §6), in order. */
    public static void loadLearner(LedgerNode node, DemoLearners.DemoLearner learner) {
        node.commands().sendAndWait(new OpenLearnerAccount(learner.learnerId(), TESTER));
        learner.commands().forEach(node.commands()::sendAndWait);
    }

    /** A VOC-AIM-03 module result of DEMO-VOC with the given reference and score. */
    public static RecordOutcome moduleResult(LearnerId learner, String outcomeId, String externalRef, int score) {
        return new RecordOutcome(learner, OutcomeId.of(outcomeId), new OutcomeFacts(UnitKind.MODULE,
                UnitCode.of("VOC-AIM-03"), InstitutionCode.of("DEMO-VOC"), externalRef, LocalDate.of(2025, 6, 30),
                Score.of(score), 30, null, null, null), TESTER);
    }
}
