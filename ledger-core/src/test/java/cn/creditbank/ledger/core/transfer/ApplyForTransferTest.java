package cn.creditbank.ledger.core.transfer;

import cn.creditbank.ledger.core.shared.ErrorCode;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.creditbank.ledger.core.shared.DomainErrors.hasCode;
import static cn.creditbank.ledger.core.transfer.TransferTesting.*;

/** A learner applies for credit transfer on the strength of an evaluation; the application keeps that evaluation. */
class ApplyForTransferTest {

    private final FixtureConfiguration<TransferApplication> fixture = fixture();

    @Test
    void appliesWithTheEvaluationItWasMadeOn() {
        fixture.givenNoPriorActivity()
                .when(applying(PROPOSED))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(TRANSFER)
                .expectEvents(applied());
    }

    @Test
    void refusesApplicationThatTransfersNothing() {
        fixture.givenNoPriorActivity()
                .when(applying(List.of()))
                .expectNoEvents()
                .expectException(hasCode(ErrorCode.NOTHING_TO_TRANSFER));
    }
}
