package cn.creditbank.ledger.projections.eventstore;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/**
 * Axon's query bus as Spring Boot would build it, but without a database transaction around each query. The read
 * models are bitemporal: every query reads "as known at an instant", so its statements agree without sharing a
 * snapshot, and at READ COMMITTED a transaction would not give them one anyway. What it did cost is a COMMIT round
 * trip on every balance and evaluation read.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class QueryBusConfiguration {

    @Bean
    @Qualifier("localSegment")
    public SimpleQueryBus queryBus(Configuration axon) {
        return SimpleQueryBus.builder()
                .transactionManager(NoTransactionManager.INSTANCE)
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }
}
