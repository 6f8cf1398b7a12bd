package cn.creditbank.ledger.api.outcome;

import cn.creditbank.ledger.api.LedgerApplication;
import cn.creditbank.ledger.projections.support.LedgerNode;
import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.outcome.OutcomeFacts;
import cn.creditbank.ledger.core.outcome.RecordOutcome;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.core.shared.UnitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.creditbank.ledger.projections.support.DemoFixtures.TESTER;
import static cn.creditbank.ledger.projections.support.DemoFixtures.nodeWithCatalogue;
import static cn.creditbank.ledger.projections.support.DemoFixtures.moduleResult;
import static cn.creditbank.ledger.projections.support.DemoFixtures.openLearner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Refusals that need the database: bank-wide external references, unknown learners, duplicate accounts. */
class RecordingRefusalsTest {

    private static LedgerNode node;

    @BeforeAll
    static void start() {
        node = nodeWithCatalogue(LedgerApplication.class);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void retryOfTheSameRecordingAnswersTheFirstOutcomeIdAndStoresNothing() {
        LearnerId learner = openLearner(node);
        Object first = node.commands().sendAndWait(moduleResult(learner, "R1", "retry-ref", 88));
        long events = eventCount();

        Object retried = node.commands().sendAndWait(moduleResult(learner, "R1-retry", "retry-ref", 88));

        assertThat(first).isEqualTo(OutcomeId.of("R1"));
        assertThat(retried).isEqualTo(OutcomeId.of("R1"));
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void refusesAReferenceAlreadyRecordedForAnotherLearnerAndStoresNothing() {
        LearnerId owner = openLearner(node);
        LearnerId other = openLearner(node);
        node.commands().sendAndWait(moduleResult(owner, "S1", "shared-ref", 88));
        long events = eventCount();

        assertThatThrownBy(() -> node.commands().sendAndWait(moduleResult(other, "S2", "shared-ref", 88)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_REF_CONFLICT));
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aDomainRefusalReachesTheCallerAsItsTypedErrorAndStoresNothing() {
        LearnerId learner = openLearner(node);
        long events = eventCount();

        var unknownUnit = new RecordOutcome(learner, OutcomeId.of("F1"), new OutcomeFacts(UnitKind.MODULE,
                UnitCode.of("NO-SUCH-UNIT"), InstitutionCode.of("DEMO-VOC"), "unknown-unit-ref",
                LocalDate.of(2025, 6, 30), Score.of(80), null, null, null, null), TESTER);

        assertThatThrownBy(() -> node.commands().sendAndWait(unknownUnit))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_UNIT));
        assertThat(eventCount()).isEqualTo(events);
    }

    private static long eventCount() {
        return node.jdbc().queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    @Test
    void refusesAnOutcomeForALearnerWithoutAccount() {
        long events = eventCount();

        assertThatThrownBy(() -> node.commands().sendAndWait(moduleResult(LearnerId.of("no-such-learner"), "U1",
                "unknown-learner-ref", 80)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_LEARNER));
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void refusesOpeningAnAccountTwiceWithTheSameExternalReference() {
        var onboarding = node.bean(cn.creditbank.ledger.api.learner.LearnerOnboarding.class);
        onboarding.open("钱七", null, "HR-7", TESTER);
        long events = eventCount();

        assertThatThrownBy(() -> onboarding.open("钱七", null, "HR-7", TESTER))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.LEARNER_ALREADY_EXISTS));
        assertThat(eventCount()).isEqualTo(events);
    }
}
