package cn.creditbank.ledger.api.demo;

import cn.creditbank.ledger.api.learner.LearnerOnboarding;
import cn.creditbank.ledger.core.demo.DemoCatalogue;
import cn.creditbank.ledger.core.demo.DemoLearners;
import cn.creditbank.ledger.core.outcome.VoidOutcome;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.projections.identity.LearnerIdentityStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo catalogue and learners of DOMAIN.md §6 through the same commands a client would send. Every
 * command is idempotent (a repeated definition or recording stores nothing), so a restart loads nothing twice.
 */
@Component
@Order(0)
@Conditional(DemoDataCondition.class)
class DemoDataLoader implements ApplicationRunner {

    static final String RECORDED_BY = "demo-loader";
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final CommandGateway commands;
    private final LearnerOnboarding onboarding;
    private final LearnerIdentityStore identities;

    DemoDataLoader(CommandGateway commands, LearnerOnboarding onboarding, LearnerIdentityStore identities) {
        this.commands = commands;
        this.onboarding = onboarding;
        this.identities = identities;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoCatalogue.commands(RECORDED_BY).forEach(commands::sendAndWait);
        for (DemoLearners.DemoLearner learner : DemoLearners.all(RECORDED_BY)) {
            if (identities.find(learner.learnerId()).isEmpty()) {
                openOnce(learner);
            }
            learner.commands().forEach(this::sendOnce);
        }
        LOG.info("Demo data present: the catalogue of DOMAIN.md §6 and learners 张三 ({}), 李四 ({})",
                DemoLearners.ZHANGSAN, DemoLearners.LISI);
    }

    /** Another node starting at the same moment may have opened the account first; that is the expected answer. */
    private void openOnce(DemoLearners.DemoLearner learner) {
        try {
            onboarding.open(learner.learnerId(), learner.displayName(), null, learner.username(), RECORDED_BY);
        } catch (DomainException refused) {
            if (refused.code() != ErrorCode.LEARNER_ALREADY_EXISTS) {
                throw refused;
            }
        }
    }

    /** Recordings are idempotent by external reference; a void is not, so an existing void is the expected answer. */
    private void sendOnce(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (DomainException refused) {
            if (!(command instanceof VoidOutcome && refused.code() == ErrorCode.OUTCOME_ALREADY_VOIDED)) {
                throw refused;
            }
        }
    }
}
