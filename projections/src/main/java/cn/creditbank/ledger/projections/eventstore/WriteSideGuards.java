package cn.creditbank.ledger.projections.eventstore;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Processing groups that are part of the write transaction: they run subscribed (same thread, same
 * transaction as the event append) and any failure propagates, so the command fails and nothing is stored.
 * Axon's default would log the failure and commit anyway.
 */
@Configuration(proxyBeanMethods = false)
public class WriteSideGuards {

    public static final List<String> IN_TRANSACTION_GROUPS = List.of("catalogue-store", "outcome-reference-guard",
            "transfer-pending-guard");

    @Bean
    public ConfigurerModule inTransactionProcessors() {
        return configurer -> IN_TRANSACTION_GROUPS.forEach(group -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(group)
                .registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance()));
    }
}
