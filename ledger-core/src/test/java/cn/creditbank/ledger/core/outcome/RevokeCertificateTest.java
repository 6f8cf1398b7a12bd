package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.ErrorCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static cn.creditbank.ledger.core.outcome.LearnerAccountTesting.*;
import static cn.creditbank.ledger.core.outcome.Report.*;
import static cn.creditbank.ledger.core.shared.DomainErrors.hasCode;

/** A certificate is revoked (撤销) once, on a date between its award date and today. */
class RevokeCertificateTest {

    private static final Report O1 = certificate("中级", "2024-05-10");
    private static final CertificateAwarded O1_AWARDED = O1.awardedAs("O1", "8", "2027-05-09", DERIVED);

    private final FixtureConfiguration<LearnerAccount> fixture = fixture();

    @Test
    void revokesCertificateFromTheGivenDate() {
        fixture.given(opened(), O1_AWARDED)
                .when(revoking("O1", "2026-10-01"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(revoked("O1", "2026-10-01"));
    }

    @Test
    void revokesCertificateFromItsAwardDate() {
        fixture.given(opened(), O1_AWARDED)
                .when(revoking("O1", "2024-05-10"))
                .expectEvents(revoked("O1", "2024-05-10"));
    }

    @Test
    void refusesRevocationOfOutcomeThatIsNoCertificate() {
        Report o2 = exam(78, "2023-09-23");

        fixture.given(opened(), o2.examAs("O2", PASSED, "4"))
                .when(revoking("O2", "2026-10-01"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_A_CERTIFICATE));
    }

    @Test
    void refusesSecondRevocation() {
        fixture.given(opened(), O1_AWARDED, revoked("O1", "2026-10-01"))
                .when(revoking("O1", "2026-10-15"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.CERTIFICATE_ALREADY_REVOKED));
    }

    @Test
    void refusesRevocationBeforeTheAwardDate() {
        fixture.given(opened(), O1_AWARDED)
                .when(revoking("O1", "2024-05-09"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.INVALID_PERIOD));
    }

    @Test
    void refusesRevocationBeforeTheCorrectedAwardDate() {
        fixture.given(opened(), O1_AWARDED, corrected("O1", null, "中级", "2024-06-01", "2027-05-31", PASSED, "8"))
                .when(revoking("O1", "2024-05-20"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.INVALID_PERIOD));
    }

    @Test
    void refusesRevocationDatedInTheFuture() {
        fixture.given(opened(), O1_AWARDED)
                .when(revoking("O1", TODAY.plusDays(1).toString()))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.DATE_IN_FUTURE));
    }

    @Test
    void refusesRevocationOfVoidedCertificate() {
        fixture.given(opened(), O1_AWARDED, voided("O1"))
                .when(revoking("O1", "2026-10-01"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.OUTCOME_ALREADY_VOIDED));
    }

    @Test
    void refusesRevocationOfUnknownOutcome() {
        fixture.given(opened(), O1_AWARDED)
                .when(revoking("O3", "2026-10-01"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.UNKNOWN_OUTCOME));
    }
}
