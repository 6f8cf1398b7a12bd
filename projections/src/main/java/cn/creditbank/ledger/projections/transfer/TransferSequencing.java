package cn.creditbank.ledger.projections.transfer;

import cn.creditbank.ledger.core.outcome.CertificateRevoked;
import cn.creditbank.ledger.core.outcome.OutcomeVoided;
import cn.creditbank.ledger.core.transfer.TransferEvent;
import cn.creditbank.ledger.projections.eventstore.ProjectionProcessors;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The transfers projection must see a void or revocation and the learner's applications in the order they
 * happened, though they belong to different aggregates: its events are sequenced by learner id. A learner
 * account's aggregate identifier is its learner id, so outcome events share their learner's sequence either way.
 */
@Configuration(proxyBeanMethods = false)
class TransferSequencing {

    static final SequencingPolicy<EventMessage<?>> BY_LEARNER = TransferSequencing::learnerOf;

    @Bean
    ConfigurerModule transferSequencingPolicy() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(ProjectionProcessors.TRANSFERS, config -> BY_LEARNER);
    }

    private static Object learnerOf(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof TransferEvent transfer) {
            return transfer.learnerId().value();
        }
        if (payload instanceof OutcomeVoided voided) {
            return voided.learnerId().value();
        }
        if (payload instanceof CertificateRevoked revoked) {
            return revoked.learnerId().value();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
