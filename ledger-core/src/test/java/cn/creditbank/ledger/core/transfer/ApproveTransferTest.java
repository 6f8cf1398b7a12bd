package cn.creditbank.ledger.core.transfer;

import cn.creditbank.ledger.core.shared.ErrorCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static cn.creditbank.ledger.core.shared.DomainErrors.hasCode;
import static cn.creditbank.ledger.core.transfer.TransferTesting.*;

/** The programme's institution approves all proposed courses or some of them, once. */
class ApproveTransferTest {

    private final FixtureConfiguration<TransferApplication> fixture = fixture();

    @Test
    void approvesEveryProposedCourseWhenNoneIsNamed() {
        fixture.given(applied())
                .when(approving())
                .expectSuccessfulHandlerExecution()
                .expectEvents(approved(SE106, SE105, SE101, SE110));
    }

    @Test
    void approvesEveryProposedCourseWhenCourseCodesAreAbsent() {
        fixture.given(applied())
                .when(new ApproveTransfer(TRANSFER, null, OUC, REGISTRAR))
                .expectEvents(approved(SE106, SE105, SE101, SE110));
    }

    @Test
    void approvesTheNamedCoursesInTheOrderTheyWereProposed() {
        fixture.given(applied())
                .when(approving("OUC-SE110", "OUC-SE106"))
                .expectEvents(approved(SE106, SE110));
    }

    @Test
    void refusesApprovalByAnotherInstitution() {
        fixture.given(applied())
                .when(approvingAs(DEMO_VOC))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_PROGRAMME_INSTITUTION));
    }

    @Test
    void refusesApprovalOfCourseNotProposed() {
        fixture.given(applied())
                .when(approving("OUC-SE106", "OUC-SE115"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.UNKNOWN_COURSE));
    }

    @Test
    void refusesSecondApproval() {
        fixture.given(applied(), approved(SE106, SE105, SE101, SE110))
                .when(approving())
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.TRANSFER_ALREADY_DECIDED));
    }

    @Test
    void refusesApprovalOfRejectedApplication() {
        fixture.given(applied(), rejected())
                .when(approving("OUC-SE106"))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.TRANSFER_ALREADY_DECIDED));
    }
}
