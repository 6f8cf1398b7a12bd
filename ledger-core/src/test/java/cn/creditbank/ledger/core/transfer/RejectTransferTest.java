package cn.creditbank.ledger.core.transfer;

import cn.creditbank.ledger.core.shared.ErrorCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static cn.creditbank.ledger.core.shared.DomainErrors.assertRefused;
import static cn.creditbank.ledger.core.shared.DomainErrors.hasCode;
import static cn.creditbank.ledger.core.transfer.TransferTesting.*;

/** The programme's institution rejects a pending application, once, and says why. */
class RejectTransferTest {

    private final FixtureConfiguration<TransferApplication> fixture = fixture();

    @Test
    void rejectsPendingApplicationWithItsReason() {
        fixture.given(applied())
                .when(rejecting())
                .expectSuccessfulHandlerExecution()
                .expectEvents(rejected());
    }

    @Test
    void refusesRejectionByAnotherInstitution() {
        fixture.given(applied())
                .when(rejectingAs(DEMO_VOC))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOT_PROGRAMME_INSTITUTION));
    }

    @Test
    void refusesRejectionOfApprovedApplication() {
        fixture.given(applied(), approved(SE106))
                .when(rejecting())
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.TRANSFER_ALREADY_DECIDED));
    }

    @Test
    void refusesSecondRejection() {
        fixture.given(applied(), rejected())
                .when(rejecting())
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.TRANSFER_ALREADY_DECIDED));
    }

    @Test
    void refusesRejectionWithoutReason() {
        assertRefused(ErrorCode.REASON_REQUIRED, () -> new RejectTransfer(TRANSFER, "  ", OUC, REGISTRAR));
    }
}
