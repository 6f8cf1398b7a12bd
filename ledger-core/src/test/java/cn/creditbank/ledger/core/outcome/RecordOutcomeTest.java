package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.catalogue.TestCatalogue;
import cn.creditbank.ledger.core.catalogue.UnitDefinition;
import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.UnitCode;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.stream.Stream;

import static cn.creditbank.ledger.core.catalogue.TestCatalogue.*;
import static cn.creditbank.ledger.core.outcome.LearnerAccountTesting.*;
import static cn.creditbank.ledger.core.outcome.Report.*;
import static cn.creditbank.ledger.core.shared.DomainErrors.hasCode;

/** Recording outcomes of every kind (DOMAIN.md §3–§4), what each refusal says, and why a retry is not an error. */
class RecordOutcomeTest {

    private final FixtureConfiguration<LearnerAccount> fixture = fixture();

    // --- what a recording gives -------------------------------------------------------------------------------

    @Test
    void recordsPassedModuleWithTheUnitsCreditsAndAnswersItsId() {
        Report o5 = module(85, "2025-06-30");

        fixture.given(opened())
                .when(o5.recordAs("O5"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(o5.completedAs("O5", PASSED, "2.00"))
                .expectResultMessagePayload(id("O5"));
    }

    @Test
    void recordsModuleBelowThePassMarkAsNotPassedWithoutCredits() {
        Report o6 = module(55, "2025-06-30");

        fixture.given(opened())
                .when(o6.recordAs("O6"))
                .expectEvents(o6.completedAs("O6", FAILED, "0"));
    }

    @Test
    void recordsPassedCourse() {
        Report course = course(81, "2026-01-15");

        fixture.given(opened())
                .when(course.recordAs("O8"))
                .expectEvents(course.completedAs("O8", PASSED, "4"));
    }

    @Test
    void recordsPassedExamWithTheUnitsCredits() {
        Report o2 = exam(78, "2023-09-23");

        fixture.given(opened())
                .when(o2.recordAs("O2"))
                .expectEvents(o2.examAs("O2", PASSED, "4"))
                .expectResultMessagePayload(id("O2"));
    }

    @Test
    void recordsFailedExamAsAFactWithoutCredits() {
        Report failed = exam(45, "2023-09-23");

        fixture.given(opened())
                .when(failed.recordAs("O2"))
                .expectEvents(failed.examAs("O2", FAILED, "0"));
    }

    @Test
    void judgesAgainstTheCurrentUnitVersionAndRecordsWhichOne() {
        UnitDefinition passMark70 = new UnitDefinition(NEEA, UnitKind.EXAM, "全国计算机等级考试二级Java", null, null,
                Credits.of("4"), null, null, null, BigDecimal.valueOf(70));
        Report sixtyFive = exam(65, "2023-09-23");

        fixture(TestCatalogue.catalogue().withUnit(NCRE_2_JAVA, passMark70))
                .given(opened())
                .when(sixtyFive.recordAs("O2"))
                .expectEvents(sixtyFive.examAs("O2", 2, FAILED, "0"));
    }

    @Test
    void recordsTrainingWithoutScoreAsPassedWithCreditsFromItsClassHours() {
        Report o7 = training("2025-02-28");

        fixture.given(opened())
                .when(o7.recordAs("O7"))
                .expectEvents(o7.completedAs("O7", PASSED, "1.0"));
    }

    @Test
    void recordsScoredTrainingBelowThePassMarkAsNotPassed() {
        Report scored = training("2025-02-28").score(50);

        fixture.given(opened())
                .when(scored.recordAs("O7"))
                .expectEvents(scored.completedAs("O7", FAILED, "0"));
    }

    @Test
    void awardsCertificateValidUntilAwardDatePlusValidityYearsMinusOneDay() {
        Report o1 = certificate("中级", "2024-05-10");

        fixture.given(opened())
                .when(o1.recordAs("O1"))
                .expectEvents(o1.awardedAs("O1", "8", "2027-05-09", DERIVED))
                .expectResultMessagePayload(id("O1"));
    }

    @Test
    void awardsCertificateValidUntilTheDateTheIssuerGives() {
        Report withValidity = certificate("中级", "2024-05-10").validUntil("2026-05-09");

        fixture.given(opened())
                .when(withValidity.recordAs("O1"))
                .expectEvents(withValidity.awardedAs("O1", "8", "2026-05-09", GIVEN));
    }

    @Test
    void acceptsOutcomeDatedToday() {
        Report today = training(TODAY.toString());

        fixture.given(opened())
                .when(today.recordAs("O7"))
                .expectEvents(today.completedAs("O7", PASSED, "1.0"));
    }

    @Test
    void acceptsOutcomeOnTheFirstDayOfAccreditation() {
        Report firstDay = exam(78, ACCREDITED_FROM.toString());

        fixture.given(opened())
                .when(firstDay.recordAs("O2"))
                .expectEvents(firstDay.examAs("O2", PASSED, "4"));
    }

    // --- refusals -----------------------------------------------------------------------------------------------

    @Test
    void refusesOutcomeForLearnerWithoutAccount() {
        fixture.givenNoPriorActivity()
                .when(exam(78, "2023-09-23").recordAs("O2"))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void refusesOutcomeOfUnknownUnit() {
        fixture.given(opened())
                .when(module(85, "2025-06-30").unit(UnitCode.of("VOC-AIM-99")).recordAs("O5"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.UNKNOWN_UNIT));
    }

    @Test
    void refusesOutcomeFromUnknownIssuer() {
        fixture.given(opened())
                .when(module(85, "2025-06-30").issuer(InstitutionCode.of("NOBODY")).recordAs("O5"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.UNKNOWN_INSTITUTION));
    }

    @Test
    void refusesOutcomeFromIssuerNotAccreditedForTheUnit() {
        fixture.given(opened())
                .when(certificate("中级", "2024-05-10").issuer(NEEA).recordAs("O1"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_ACCREDITED));
    }

    @Test
    void refusesOutcomeDatedBeforeTheIssuersAccreditation() {
        fixture.given(opened())
                .when(certificate("中级", "2019-12-31").recordAs("O1"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_ACCREDITED));
    }

    @Test
    void refusesOutcomeDatedInTheFuture() {
        fixture.given(opened())
                .when(training(TODAY.plusDays(1).toString()).recordAs("O7"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.DATE_IN_FUTURE));
    }

    static Stream<Report> scoredReportsWithoutScore() {
        return Stream.of(module(null, "2025-06-30"), exam(null, "2023-09-23"), course(null, "2026-01-15"));
    }

    @ParameterizedTest
    @MethodSource("scoredReportsWithoutScore")
    void refusesModuleExamOrCourseWithoutScore(Report withoutScore) {
        fixture.given(opened())
                .when(withoutScore.recordAs("O9"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.SCORE_REQUIRED));
    }

    @Test
    void refusesCertificateWithoutLevel() {
        fixture.given(opened())
                .when(certificate(null, "2024-05-10").recordAs("O1"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.LEVEL_REQUIRED));
    }

    @Test
    void refusesCertificateLevelThatTheUnitDoesNotDefine() {
        fixture.given(opened())
                .when(certificate("特级", "2024-05-10").recordAs("O1"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.UNKNOWN_CERTIFICATE_LEVEL));
    }

    @Test
    void refusesCertificateWithoutNumber() {
        fixture.given(opened())
                .when(certificate("中级", "2024-05-10").certificateNo(" ").recordAs("O1"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.CERTIFICATE_NUMBER_REQUIRED));
    }

    @Test
    void refusesCertificateValidUntilBeforeItsAwardDate() {
        fixture.given(opened())
                .when(certificate("中级", "2024-05-10").validUntil("2024-05-09").recordAs("O1"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.INVALID_PERIOD));
    }

    @Test
    void refusesCertificateWithScore() {
        fixture.given(opened())
                .when(certificate("中级", "2024-05-10").score(90).recordAs("O1"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void refusesLevelOnOutcomeThatIsNoCertificate() {
        fixture.given(opened())
                .when(module(85, "2025-06-30").level("中级").recordAs("O5"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void refusesOutcomeWhoseKindDiffersFromItsUnit() {
        fixture.given(opened())
                .when(exam(78, "2023-09-23").kind(UnitKind.MODULE).recordAs("O2"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.UNIT_KIND_MISMATCH));
    }

    @Test
    void refusesOutcomeIdThatIsAlreadyUsed() {
        Report o1 = certificate("中级", "2024-05-10");

        fixture.given(opened(), o1.awardedAs("O1", "8", "2027-05-09", DERIVED))
                .when(exam(78, "2023-09-23").recordAs("O1"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.DUPLICATE_ENTRY));
    }

    // --- retries and the external reference -------------------------------------------------------------------

    @Test
    void retryWithSameExternalRefAndContentRecordsNothingAndAnswersFirstId() {
        Report o1 = certificate("中级", "2024-05-10");

        fixture.given(opened(), o1.awardedAs("O1", "8", "2027-05-09", DERIVED))
                .when(o1.recordAs("O11"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(id("O1"));
    }

    @Test
    void retryOfCertificateWithTheIssuersValidUntilRecordsNothing() {
        Report o1 = certificate("中级", "2024-05-10").validUntil("2026-05-09");

        fixture.given(opened(), o1.awardedAs("O1", "8", "2026-05-09", GIVEN))
                .when(o1.recordAs("O11"))
                .expectNoEvents()
                .expectResultMessagePayload(id("O1"));
    }

    @Test
    void retryOfCompletionRecordsNothing() {
        Report o5 = module(85, "2025-06-30");

        fixture.given(opened(), o5.completedAs("O5", PASSED, "2.00"))
                .when(o5.recordAs("O15"))
                .expectNoEvents()
                .expectResultMessagePayload(id("O5"));
    }

    @Test
    void retryIsCheckedBeforeTheOutcomeIdSoThatASameIdRetryIsNoDuplicate() {
        Report o2 = exam(78, "2023-09-23");

        fixture.given(opened(), o2.examAs("O2", PASSED, "4"))
                .when(o2.recordAs("O2"))
                .expectNoEvents()
                .expectResultMessagePayload(id("O2"));
    }

    @Test
    void refusesSameExternalRefWithDifferentContent() {
        Report o1 = certificate("中级", "2024-05-10");

        fixture.given(opened(), o1.awardedAs("O1", "8", "2027-05-09", DERIVED))
                .when(o1.level("高级").recordAs("O11"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.EXTERNAL_REF_CONFLICT));
    }

    @Test
    void sameExternalRefFromAnotherIssuerIsAnotherOutcome() {
        Report o2 = exam(78, "2023-09-23");
        Report sameRefOtherIssuer = module(85, "2025-06-30").externalRef(o2.facts().externalRef());

        fixture.given(opened(), o2.examAs("O2", PASSED, "4"))
                .when(sameRefOtherIssuer.recordAs("O5"))
                .expectEvents(sameRefOtherIssuer.completedAs("O5", PASSED, "2.00"))
                .expectResultMessagePayload(id("O5"));
    }
}
