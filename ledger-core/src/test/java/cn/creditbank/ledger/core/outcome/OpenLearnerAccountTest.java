package cn.creditbank.ledger.core.outcome;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import static cn.creditbank.ledger.core.outcome.LearnerAccountTesting.*;

class OpenLearnerAccountTest {

    private final FixtureConfiguration<LearnerAccount> fixture = fixture();

    @Test
    void opensAccountWithoutPersonalData() {
        fixture.givenNoPriorActivity()
                .when(new OpenLearnerAccount(LEARNER, RECORDED_BY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new LearnerAccountOpened(LEARNER, RECORDED_BY));
    }
}
