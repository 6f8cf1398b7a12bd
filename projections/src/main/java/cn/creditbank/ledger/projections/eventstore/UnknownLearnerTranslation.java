package cn.creditbank.ledger.projections.eventstore;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.transfer.ApproveTransfer;
import cn.creditbank.ledger.core.transfer.RejectTransfer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Catalogue commands create their aggregate when missing, so the only commands that can name an aggregate that does
 * not exist are a decision on a transfer application that was never made ({@code UNKNOWN_TRANSFER}) and any other
 * for a learner without an account: Axon's AggregateNotFoundException becomes the domain's {@code UNKNOWN_LEARNER},
 * for every caller of the command bus.
 */
@Component
class UnknownLearnerTranslation implements MessageHandlerInterceptor<CommandMessage<?>>, SmartInitializingSingleton {

    private final CommandBus commandBus;

    UnknownLearnerTranslation(CommandBus commandBus) {
        this.commandBus = commandBus;
    }

    @Override
    public void afterSingletonsInstantiated() {
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (AggregateNotFoundException notFound) {
            Object command = unitOfWork.getMessage().getPayload();
            if (command instanceof ApproveTransfer || command instanceof RejectTransfer) {
                throw new DomainException(ErrorCode.UNKNOWN_TRANSFER,
                        "transfer application " + notFound.getAggregateIdentifier() + " does not exist");
            }
            throw new DomainException(ErrorCode.UNKNOWN_LEARNER,
                    "learner " + notFound.getAggregateIdentifier() + " has no account");
        }
    }
}
