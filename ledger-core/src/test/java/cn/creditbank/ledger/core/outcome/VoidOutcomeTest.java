package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.shared.ErrorCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static cn.creditbank.ledger.core.outcome.LearnerAccountTesting.*;
import static cn.creditbank.ledger.core.outcome.Report.*;
import static cn.creditbank.ledger.core.shared.DomainErrors.hasCode;

/** An outcome recorded in error is voided (作废), once. */
class VoidOutcomeTest {

    private static final Report COURSE = course(90, "2026-06-20");
    private static final Report O1 = certificate("中级", "2024-05-10");

    private final FixtureConfiguration<LearnerAccount> fixture = fixture();

    @Test
    void voidsRecordedOutcome() {
        fixture.given(opened(), COURSE.completedAs("O9", PASSED, "4"))
                .when(voiding("O9"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(voided("O9"));
    }

    @Test
    void voidsRevokedCertificate() {
        fixture.given(opened(), O1.awardedAs("O1", "8", "2027-05-09", DERIVED), revoked("O1", "2026-01-01"))
                .when(voiding("O1"))
                .expectEvents(voided("O1"));
    }

    @Test
    void refusesVoidOfUnknownOutcome() {
        fixture.given(opened(), COURSE.completedAs("O9", PASSED, "4"))
                .when(voiding("O99"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.UNKNOWN_OUTCOME));
    }

    @Test
    void refusesVoidOfVoidedOutcome() {
        fixture.given(opened(), COURSE.completedAs("O9", PASSED, "4"), voided("O9"))
                .when(voiding("O9"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.OUTCOME_ALREADY_VOIDED));
    }
}
