package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.ErrorCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static cn.creditbank.ledger.core.outcome.LearnerAccountTesting.*;
import static cn.creditbank.ledger.core.outcome.Report.*;
import static cn.creditbank.ledger.core.shared.DomainErrors.hasCode;

/**
 * A correction (更正) replaces score, level and/or date, keeps the outcome id and judges the outcome again; the
 * event carries every value after the correction.
 */
class CorrectOutcomeTest {

    private static final Report O1 = certificate("中级", "2024-05-10");
    private static final CertificateAwarded O1_AWARDED = O1.awardedAs("O1", "8", "2027-05-09", DERIVED);
    private static final Report O6 = module(55, "2025-06-30");
    private static final CompletionRecorded O6_RECORDED = O6.completedAs("O6", FAILED, "0");

    private final FixtureConfiguration<LearnerAccount> fixture = fixture();

    @Test
    void correctingTheScoreJudgesPassAndCreditsAgain() {
        fixture.given(opened(), O6_RECORDED)
                .when(correcting("O6", 65, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(corrected("O6", 65, null, "2025-06-30", null, PASSED, "2"));
    }

    @Test
    void correctingTheScoreBelowThePassMarkTakesTheCreditsAway() {
        Report o2 = exam(78, "2023-09-23");

        fixture.given(opened(), o2.examAs("O2", PASSED, "4"))
                .when(correcting("O2", 58, null, null))
                .expectEvents(corrected("O2", 58, null, "2023-09-23", null, FAILED, "0"));
    }

    @Test
    void correctingTheLevelOfACertificateChangesItsCredits() {
        fixture.given(opened(), O1_AWARDED)
                .when(correcting("O1", null, "高级", null))
                .expectEvents(corrected("O1", null, "高级", "2024-05-10", "2027-05-09", PASSED, "12"));
    }

    @Test
    void correctingTheAwardDateRecomputesADerivedValidUntil() {
        fixture.given(opened(), O1_AWARDED)
                .when(correcting("O1", null, null, "2024-06-01"))
                .expectEvents(corrected("O1", null, "中级", "2024-06-01", "2027-05-31", PASSED, "8"));
    }

    @Test
    void correctingTheAwardDateKeepsTheIssuersValidUntil() {
        Report withValidity = O1.validUntil("2026-05-09");

        fixture.given(opened(), withValidity.awardedAs("O1", "8", "2026-05-09", GIVEN))
                .when(correcting("O1", null, null, "2024-06-01"))
                .expectEvents(corrected("O1", null, "中级", "2024-06-01", "2026-05-09", PASSED, "8"));
    }

    @Test
    void correctionToTheValuesTheOutcomeHasRecordsNothing() {
        fixture.given(opened(), O1_AWARDED)
                .when(correcting("O1", null, "中级", "2024-05-10"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void accountRebuiltFromItsEventsKnowsTheCorrectedValues() {
        fixture.given(opened(), O1_AWARDED,
                        corrected("O1", null, "高级", "2024-05-10", "2027-05-09", PASSED, "12"))
                .when(correcting("O1", null, "高级", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSecondCorrectionKeepsTheValuesOfTheFirst() {
        fixture.given(opened(), O6_RECORDED, corrected("O6", 65, null, "2025-06-30", null, PASSED, "2"))
                .when(correcting("O6", null, null, "2025-07-01"))
                .expectEvents(corrected("O6", 65, null, "2025-07-01", null, PASSED, "2"));
    }

    @Test
    void refusesCorrectionThatGivesNothingToCorrect() {
        fixture.given(opened(), O1_AWARDED)
                .when(correcting("O1", null, null, null))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOTHING_TO_CORRECT));
    }

    @Test
    void refusesCorrectionOfUnknownOutcome() {
        fixture.given(opened(), O1_AWARDED)
                .when(correcting("O4", null, "专业级", null))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.UNKNOWN_OUTCOME));
    }

    @Test
    void refusesCorrectionOfVoidedOutcome() {
        fixture.given(opened(), O6_RECORDED, voided("O6"))
                .when(correcting("O6", 65, null, null))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.OUTCOME_ALREADY_VOIDED));
    }

    @Test
    void refusesCorrectionToADateInTheFuture() {
        fixture.given(opened(), O6_RECORDED)
                .when(correcting("O6", null, null, TODAY.plusDays(1).toString()))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.DATE_IN_FUTURE));
    }

    @Test
    void refusesCorrectionToADateBeforeTheIssuersAccreditation() {
        fixture.given(opened(), O1_AWARDED)
                .when(correcting("O1", null, null, "2019-06-30"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_ACCREDITED));
    }

    @Test
    void refusesCorrectionToALevelTheCertificateDoesNotDefine() {
        fixture.given(opened(), O1_AWARDED)
                .when(correcting("O1", null, "特级", null))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.UNKNOWN_CERTIFICATE_LEVEL));
    }

    @Test
    void refusesCorrectionOfAwardDateToAfterTheIssuersValidUntil() {
        Report withValidity = O1.validUntil("2026-05-09");

        fixture.given(opened(), withValidity.awardedAs("O1", "8", "2026-05-09", GIVEN))
                .when(correcting("O1", null, null, "2026-05-10"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.INVALID_PERIOD));
    }

    @Test
    void refusesLevelForOutcomeThatIsNoCertificate() {
        fixture.given(opened(), O6_RECORDED)
                .when(correcting("O6", null, "中级", null))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
    }
}
