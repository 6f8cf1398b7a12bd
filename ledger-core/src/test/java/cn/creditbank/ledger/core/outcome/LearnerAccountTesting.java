package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.catalogue.Catalogue;
import cn.creditbank.ledger.core.catalogue.TestCatalogue;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Shared set-up of the {@link LearnerAccount} specifications: the demo catalogue, a clock fixed at the demo's
 * "today" (2026-11-01) and builders for the commands and events that are not outcome reports (see {@link Report}).
 */
final class LearnerAccountTesting {

    static final LearnerId LEARNER = LearnerId.of("L-0001"); // 张三 in the demo; the ledger only knows the id
    static final String RECORDED_BY = "issuer-api";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC);

    static final String VOID_REASON = "录入错误";
    static final String CORRECTION_REASON = "发证机构更正";
    static final String REVOCATION_REASON = "证书被发证机构撤销";

    private LearnerAccountTesting() {
    }

    static FixtureConfiguration<LearnerAccount> fixture() {
        return fixture(TestCatalogue.catalogue());
    }

    static FixtureConfiguration<LearnerAccount> fixture(Catalogue catalogue) {
        return new AggregateTestFixture<>(LearnerAccount.class)
                .registerInjectableResource(catalogue)
                .registerInjectableResource(CLOCK);
    }

    static OutcomeId id(String outcomeId) {
        return OutcomeId.of(outcomeId);
    }

    static LearnerAccountOpened opened() {
        return new LearnerAccountOpened(LEARNER, RECORDED_BY);
    }

    static VoidOutcome voiding(String outcomeId) {
        return new VoidOutcome(LEARNER, id(outcomeId), VOID_REASON, RECORDED_BY);
    }

    static OutcomeVoided voided(String outcomeId) {
        return new OutcomeVoided(LEARNER, id(outcomeId), VOID_REASON, RECORDED_BY);
    }

    /** A correction; null arguments keep the outcome's value. */
    static CorrectOutcome correcting(String outcomeId, Integer score, String level, String date) {
        return new CorrectOutcome(LEARNER, id(outcomeId), score == null ? null : Score.of(score), level,
                date == null ? null : LocalDate.parse(date), CORRECTION_REASON, RECORDED_BY);
    }

    /** The event of a correction: the outcome's complete values afterwards, judged against unit version 1. */
    static OutcomeCorrected corrected(String outcomeId, Integer score, String level, String date, String validUntil,
                                      boolean passed, String credits) {
        return new OutcomeCorrected(LEARNER, id(outcomeId), 1, score == null ? null : Score.of(score), level,
                LocalDate.parse(date), validUntil == null ? null : LocalDate.parse(validUntil), passed,
                Credits.of(credits), CORRECTION_REASON, RECORDED_BY);
    }

    static RevokeCertificate revoking(String outcomeId, String date) {
        return new RevokeCertificate(LEARNER, id(outcomeId), REVOCATION_REASON, LocalDate.parse(date), RECORDED_BY);
    }

    static CertificateRevoked revoked(String outcomeId, String date) {
        return new CertificateRevoked(LEARNER, id(outcomeId), REVOCATION_REASON, LocalDate.parse(date), RECORDED_BY);
    }
}
